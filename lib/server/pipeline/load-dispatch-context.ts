import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from "@/lib/core/route/types";
import { db } from "@/lib/server/db/client";
import { messageColumns, type Message } from "@/lib/server/services/messages/message-columns";

export interface DispatchContext {
  message: Message;
  /** The service's selection/content settings (defaults when the message has no service). */
  settings: ServiceSettings;
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
export async function loadDispatchContext(sid: string, channel: string, recipientE164: string): Promise<DispatchContext | null> {
  const rows = await db.$queryRaw<(Message & { sticky: boolean | null; smart: boolean; acg: boolean | null; mmsc: boolean | null; sticky_sid: string | null; opted_out: boolean })[]>(Prisma.sql`
    SELECT ${messageColumns("m")},
           s.sticky_sender AS sticky, COALESCE(s.smart_encoding, false) AS smart,
           s.area_code_geomatch AS acg, s.mms_converter AS mmsc,
           (SELECT sm.sender_sid FROM sticky_mappings sm
             WHERE sm.service_sid = m.service_sid AND sm.channel = ${channel} AND sm.recipient = ${recipientE164}) AS sticky_sid,
           -- A keyword reply (opt_out_replies) is sent even to an opted-out recipient: the STOP confirmation.
           NOT EXISTS (SELECT 1 FROM opt_out_replies r WHERE r.message_sid = m.sid) AND EXISTS (SELECT 1 FROM opt_outs o
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
  const { sticky, smart, acg, mmsc, sticky_sid, opted_out, ...message } = row;
  const settings: ServiceSettings = message.serviceSid
    ? { ...DEFAULT_SERVICE_SETTINGS, stickySender: Boolean(sticky), areaCodeGeomatch: Boolean(acg), smartEncoding: smart, mmsConverter: Boolean(mmsc) }
    : { ...DEFAULT_SERVICE_SETTINGS };
  return { message, settings, smartEncoding: smart, stickySenderSid: sticky ? sticky_sid : null, optedOut: opted_out };
}
