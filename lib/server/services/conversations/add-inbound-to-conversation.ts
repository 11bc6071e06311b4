import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { conversationPreview } from "./conversation-preview";

export interface InboundForConversation {
  sid: string;
  accountSid: string;
  serviceSid: string;
  from: string;
  to: string;
  body: string;
  mediaUrls: string[];
  createdAt: Date;
}

/**
 * "Autocreate a Conversation": files an inbound message in the thread of
 * (service, sender of the message), creating the thread on first contact.
 * One statement: the upsert (the unique key is the guarantee against two
 * workers creating the same thread) and the link. The thread remembers the
 * service's sender this participant wrote to, so replies go out from it.
 * Runs in the caller's transaction with the job's completion mark, so a
 * retried job cannot count a message twice.
 */
export async function addInboundToConversation(tx: Tx, m: InboundForConversation): Promise<string> {
  const preview = conversationPreview(m.body, m.mediaUrls.length);
  const rows = await tx.$queryRaw<{ sid: string }[]>(Prisma.sql`
    WITH c AS (
      INSERT INTO conversations (sid, account_sid, service_sid, participant_address, sender_address, last_message_at,
                                 last_message_preview, last_message_direction, unread_count, created_at, updated_at)
      VALUES (${newSid("CH")}, ${m.accountSid}, ${m.serviceSid}, ${m.from}, ${m.to}, ${m.createdAt.toISOString()}::timestamp, ${preview}, 'inbound', 1, now(), now())
      ON CONFLICT (service_sid, participant_address) DO UPDATE SET
        sender_address = EXCLUDED.sender_address,
        -- a job running late must not put an older message on top of the inbox line
        last_message_preview = CASE WHEN EXCLUDED.last_message_at >= conversations.last_message_at
                                    THEN EXCLUDED.last_message_preview ELSE conversations.last_message_preview END,
        last_message_direction = CASE WHEN EXCLUDED.last_message_at >= conversations.last_message_at
                                      THEN 'inbound' ELSE conversations.last_message_direction END,
        last_message_at = GREATEST(conversations.last_message_at, EXCLUDED.last_message_at),
        unread_count = conversations.unread_count + 1,
        updated_at = now()
      RETURNING sid
    ), l AS (
      INSERT INTO conversation_messages (message_sid, conversation_sid, created_at)
      SELECT ${m.sid}, sid, ${m.createdAt.toISOString()}::timestamp FROM c
      ON CONFLICT (message_sid) DO NOTHING
    )
    SELECT sid FROM c`);
  const row = rows[0];
  if (!row) throw new Error("conversation upsert returned nothing");
  return row.sid;
}
