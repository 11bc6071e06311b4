import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

export interface ConversationSummary {
  sid: string;
  serviceSid: string;
  serviceName: string;
  participantAddress: string;
  senderAddress: string;
  lastMessageAt: Date;
  lastMessagePreview: string;
  lastMessageDirection: string;
  unreadCount: number;
}

export interface ThreadMessage {
  sid: string;
  direction: string;
  from: string | null;
  to: string;
  body: string;
  mediaUrls: string[];
  status: string;
  errorCode: number | null;
  createdAt: Date;
}

const INBOX_LIMIT = 200;
const THREAD_LIMIT = 500;

/** The inbox: the account's threads, newest activity first (index conversations(account_sid, last_message_at)). */
export async function listConversations(accountSid: string): Promise<ConversationSummary[]> {
  const rows = await db.conversation.findMany({
    where: { accountSid },
    orderBy: [{ lastMessageAt: "desc" }, { sid: "desc" }],
    take: INBOX_LIMIT,
    include: { service: { select: { friendlyName: true } } },
  });
  return rows.map(({ service, accountSid: _a, createdAt: _c, updatedAt: _u, ...c }) => ({ ...c, serviceName: service.friendlyName }));
}

/** One thread of the account (another account's is a 404) with its latest messages, oldest first. */
export async function getConversation(accountSid: string, sid: string): Promise<{ conversation: ConversationSummary; messages: ThreadMessage[] }> {
  const c = await db.conversation.findFirst({ where: { sid, accountSid }, include: { service: { select: { friendlyName: true } } } });
  if (!c) throw notFound(`The requested resource /Conversations/${sid} was not found`);
  const messages = await db.$queryRaw<ThreadMessage[]>(Prisma.sql`
    SELECT * FROM (
      SELECT m.sid, m.direction, m."from", m."to", m.body, m.media_urls AS "mediaUrls", m.status, m.error_code AS "errorCode", m.created_at AS "createdAt"
        FROM conversation_messages cm JOIN messages m ON m.sid = cm.message_sid
       WHERE cm.conversation_sid = ${sid} AND m.account_sid = ${accountSid}
       ORDER BY cm.created_at DESC, cm.message_sid DESC
       LIMIT ${THREAD_LIMIT}
    ) t ORDER BY "createdAt", sid`);
  const { service, accountSid: _a, createdAt: _c, updatedAt: _u, ...rest } = c;
  return { conversation: { ...rest, serviceName: service.friendlyName }, messages };
}

/** Opening a thread reads it. */
export async function markConversationRead(accountSid: string, sid: string): Promise<void> {
  await db.conversation.updateMany({ where: { sid, accountSid, unreadCount: { gt: 0 } }, data: { unreadCount: 0 } });
}
