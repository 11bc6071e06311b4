import { consoleHandler } from "@/lib/server/api/console-handler";
import { listConversations } from "@/lib/server/services/conversations/conversation-queries";
import { inboxJson } from "@/components/conversations/conversation-json";

export const dynamic = "force-dynamic";

/** The Conversations inbox for live refresh (TanStack Query polls it). */
export const GET = consoleHandler(async (_req, viewer) => Response.json({ conversations: inboxJson(await listConversations(viewer.accountSid)) }));
