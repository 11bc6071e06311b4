import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { messageColumns, type Message } from "@/lib/server/services/messages/message-columns";

export interface DispatchContext {
  message: Message;
  stickySender: boolean;
  smartEncoding: boolean;
  /** Sticky mapping sender for this recipient, when one exists. */
  stickySenderSid: string | null;
  optedOut: boolean;
}

/**
 * Everything dispatch reads about one message in one round trip: the row,
 * its service's Sticky Sender setting and mapping for the recipient, and
 * whether the recipient opted out of the service that applies (the
 * message's service, else its From sender's service).
 */
export async function loadDispatchContext(sid: string, channel: string): Promise<DispatchContext | null> {
  const rows = await db.$queryRaw<(Message & { sticky: boolean | null; smart: boolean; sticky_sid: string | null; opted_out: boolean })[]>(Prisma.sql`
    SELECT ${messageColumns("m")},
           s.sticky_sender AS sticky, COALESCE(s.smart_encoding, false) AS smart,
           (SELECT sm.sender_sid FROM sticky_mappings sm
             WHERE sm.service_sid = m.service_sid AND sm.channel = ${channel} AND sm.recipient = m."to") AS sticky_sid,
           EXISTS (SELECT 1 FROM opt_outs o
                    WHERE o.recipient = m."to"
                      AND o.service_sid = COALESCE(m.service_sid,
                            (SELECT service_sid FROM phone_numbers WHERE sid = m.sender_sid
                             UNION ALL SELECT service_sid FROM short_codes WHERE sid = m.sender_sid
                             UNION ALL SELECT service_sid FROM channel_senders WHERE sid = m.sender_sid
                             UNION ALL SELECT service_sid FROM alpha_senders WHERE sid = m.sender_sid LIMIT 1))) AS opted_out
      FROM messages m LEFT JOIN services s ON s.sid = m.service_sid
     WHERE m.sid = ${sid}`);
  const row = rows[0];
  if (!row) return null;
  const { sticky, smart, sticky_sid, opted_out, ...message } = row;
  return { message, stickySender: Boolean(sticky), smartEncoding: smart, stickySenderSid: sticky ? sticky_sid : null, optedOut: opted_out };
}
