import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db/client";

export interface SendContext {
  service: { sid: string; smartEncoding: boolean; validityPeriod: number } | null;
  sender: { sid: string; serviceSid: string | null } | null;
  optedOut: boolean;
}

/**
 * Everything create needs from the database in one round trip: the service
 * (scoped to the account), the explicit From's sender row (any of the four
 * sender tables, scoped to the account) and whether the recipient opted out
 * of the service that applies (the given one, else the From's service).
 */
export async function lookupSendContext(
  accountSid: string,
  serviceSid: string | null,
  from: string | null,
  recipient: string,
  tx: Tx = db,
): Promise<SendContext> {
  const rows = await tx.$queryRaw<{ service: SendContext["service"]; sender: SendContext["sender"]; opted_out: boolean }[]>(Prisma.sql`
    WITH svc AS (
      SELECT sid, smart_encoding AS "smartEncoding", validity_period AS "validityPeriod"
        FROM services WHERE sid = ${serviceSid} AND account_sid = ${accountSid}
    ), snd AS (
      SELECT sid, service_sid AS "serviceSid" FROM phone_numbers WHERE phone_number = ${from} AND account_sid = ${accountSid}
      UNION ALL SELECT sid, service_sid FROM short_codes WHERE short_code = ${from} AND account_sid = ${accountSid}
      UNION ALL SELECT sid, service_sid FROM channel_senders WHERE sender = ${from} AND account_sid = ${accountSid}
      UNION ALL SELECT sid, service_sid FROM alpha_senders
        WHERE alpha_sender = ${from} AND account_sid = ${accountSid} AND (${serviceSid}::text IS NULL OR service_sid = ${serviceSid})
      LIMIT 1
    )
    SELECT (SELECT row_to_json(svc) FROM svc) AS service,
           (SELECT row_to_json(snd) FROM snd) AS sender,
           EXISTS (SELECT 1 FROM opt_outs o
                    WHERE o.recipient = ${recipient}
                      AND o.service_sid = COALESCE((SELECT sid FROM svc), (SELECT "serviceSid" FROM snd))) AS opted_out`);
  const row = rows[0];
  return { service: row?.service ?? null, sender: row?.sender ?? null, optedOut: row?.opted_out ?? false };
}
