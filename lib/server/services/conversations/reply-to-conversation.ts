import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { createMessage } from "@/lib/server/services/messages/create-message";
import type { Message } from "@/lib/server/message-state/message-columns";
import { conversationPreview } from "./conversation-preview";

/**
 * A reply typed in a thread: createMessage (its zod schema and Twilio
 * checks, the send pipeline) to the participant, through the thread's
 * service, from the sender they wrote to. The message, its link to the
 * thread and the thread's inbox line commit together.
 */
export async function replyToConversation(accountSid: string, sid: string, input: { body?: string; mediaUrls?: string[] }): Promise<Message> {
  const c = await db.conversation.findFirst({ where: { sid, accountSid } });
  if (!c) throw notFound(`The requested resource /Conversations/${sid} was not found`);
  return db.$transaction(async (tx) => {
    const m = await createMessage(
      accountSid,
      { to: c.participantAddress, from: c.senderAddress, messagingServiceSid: c.serviceSid, body: input.body, mediaUrls: input.mediaUrls },
      { tx },
    );
    const at = m.createdAt.toISOString();
    await tx.$executeRaw(Prisma.sql`
      WITH l AS (
        INSERT INTO conversation_messages (message_sid, conversation_sid, created_at) VALUES (${m.sid}, ${sid}, ${at}::timestamp)
      )
      UPDATE conversations
         SET last_message_at = GREATEST(last_message_at, ${at}::timestamp),
             last_message_preview = ${conversationPreview(m.body, m.mediaUrls.length)},
             last_message_direction = 'outbound-api',
             unread_count = 0,
             updated_at = now()
       WHERE sid = ${sid} AND account_sid = ${accountSid}`);
    return m;
  });
}
