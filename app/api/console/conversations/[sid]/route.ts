import { consoleHandler } from "@/lib/server/api/console-handler";
import { getConversation, markConversationRead } from "@/lib/server/services/conversations/conversation-queries";
import { threadJson } from "@/components/conversations/conversation-json";

export const dynamic = "force-dynamic";

/** One thread for live refresh; the thread is open in the console, so it is read. Another account's is 404. */
export const GET = consoleHandler<{ params: Promise<{ sid: string }> }>(async (_req, viewer, { params }) => {
  const { sid } = await params;
  const thread = await getConversation(viewer.accountSid, sid);
  if (thread.conversation.unreadCount > 0) await markConversationRead(viewer.accountSid, sid);
  return Response.json(threadJson(thread));
});
