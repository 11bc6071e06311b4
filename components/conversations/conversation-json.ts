import type { ConversationSummary, ThreadMessage } from "@/lib/server/services/conversations/conversation-queries";

/** Wire shapes of the console's conversation routes (dates as ISO strings), shared by the routes, the pages and the client views. */
export type InboxRow = Omit<ConversationSummary, "lastMessageAt"> & { lastMessageAt: string };

export type ThreadRow = Omit<ThreadMessage, "createdAt"> & { createdAt: string };

export interface ThreadJson {
  conversation: InboxRow;
  messages: ThreadRow[];
}

const row = (c: ConversationSummary): InboxRow => ({ ...c, lastMessageAt: c.lastMessageAt.toISOString() });

export function inboxJson(list: ConversationSummary[]): InboxRow[] {
  return list.map(row);
}

export function threadJson(t: { conversation: ConversationSummary; messages: ThreadMessage[] }): ThreadJson {
  return { conversation: row(t.conversation), messages: t.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
}
