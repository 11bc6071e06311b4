import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from "@/lib/core/route/types";
import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";
import { messageColumns, type Message } from "@/lib/server/message-state/message-columns";

export interface DispatchContext {
  message: Message;
  /** The service's selection/content settings (defaults when the message has no service). */
  settings: ServiceSettings;
  smartEncoding: boolean;
  /** Sticky mapping sender for this recipient, when one exists. */
  stickySenderSid: string | null;
  optedOut: boolean;
  /** The message's own dispatch job (job key = its SID), when it has one: that job owns the message. */
  keyedJobId: string | null;
}

type ContextRow = Message & { idx: number; sticky: boolean | null; smart: boolean; acg: boolean | null; mmsc: boolean | null; sticky_sid: string | null; opted_out: boolean; keyed_job: string | null };

/**
 * Everything dispatch reads about messages in one round trip: each row, its
 * service's settings and sticky mapping for the recipient (keyed by the
 * E.164 part of `to`, channel whatsapp or sms), and whether the recipient
 * opted out of the service that applies (the message's service, else its
 * From sender's service).
 */
async function loadContexts(sids: string[]): Promise<(DispatchContext | null)[]> {
  const rows = await db.$queryRaw<ContextRow[]>(Prisma.sql`
    SELECT ${messageColumns("m")}, (array_position(${sids}::text[], m.sid) - 1)::int AS idx,
           s.sticky_sender AS sticky, COALESCE(s.smart_encoding, false) AS smart,
           s.area_code_geomatch AS acg, s.mms_converter AS mmsc,
           (SELECT j.id::text FROM graphile_worker._private_jobs j WHERE j.key = m.sid) AS keyed_job,
           (SELECT sm.sender_sid FROM sticky_mappings sm
             WHERE sm.service_sid = m.service_sid
               AND sm.channel = CASE WHEN m."to" LIKE 'whatsapp:%' THEN 'whatsapp' ELSE 'sms' END
               AND sm.recipient = regexp_replace(m."to", '^[a-z]+:', '')) AS sticky_sid,
           -- A keyword reply (opt_out_replies, e.g. the STOP confirmation) goes out even to an opted-out recipient.
           NOT EXISTS (SELECT 1 FROM opt_out_replies r WHERE r.message_sid = m.sid) AND EXISTS (SELECT 1 FROM opt_outs o
                    WHERE o.recipient = m."to"
                      AND o.service_sid = COALESCE(m.service_sid,
                            (SELECT service_sid FROM phone_numbers WHERE sid = m.sender_sid
                             UNION ALL SELECT service_sid FROM short_codes WHERE sid = m.sender_sid
                             UNION ALL SELECT service_sid FROM channel_senders WHERE sid = m.sender_sid
                             UNION ALL SELECT service_sid FROM alpha_senders WHERE sid = m.sender_sid LIMIT 1))) AS opted_out
      FROM messages m LEFT JOIN services s ON s.sid = m.service_sid
     WHERE m.sid = ANY(${sids}::text[])`);
  const out: (DispatchContext | null)[] = sids.map(() => null);
  for (const row of rows) {
    const { idx, sticky, smart, acg, mmsc, sticky_sid, opted_out, keyed_job, ...message } = row;
    const settings: ServiceSettings = message.serviceSid
      ? { ...DEFAULT_SERVICE_SETTINGS, stickySender: Boolean(sticky), areaCodeGeomatch: Boolean(acg), smartEncoding: smart, mmsConverter: Boolean(mmsc) }
      : { ...DEFAULT_SERVICE_SETTINGS };
    out[Number(idx)] = { message, settings, smartEncoding: smart, stickySenderSid: sticky ? sticky_sid : null, optedOut: opted_out, keyedJobId: keyed_job };
  }
  return out;
}

/** Concurrent dispatches read their contexts with one query. */
const batched = coalesce<string, DispatchContext | null>({ maxBatch: 200, maxInFlight: 3, run: loadContexts, keyOf: (sid) => sid });

export function loadDispatchContext(sid: string): Promise<DispatchContext | null> {
  return batched(sid);
}
