import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import { db, type Tx } from "@/lib/server/db/client";

export interface SendContext {
  service: { sid: string; smartEncoding: boolean; validityPeriod: number } | null;
  sender: { sid: string; serviceSid: string | null } | null;
  optedOut: boolean;
}

interface LookupRow {
  account_sid: string;
  service_sid: string | null;
  from: string | null;
  recipient: string;
}

/**
 * Everything create needs from the database, for any number of creates, in
 * one round trip: per input row the service (scoped to the account), the
 * explicit From's sender row (any of the four sender tables, scoped to the
 * account) and whether the recipient opted out of the service that applies
 * (the given one, else the From's service).
 */
async function lookupMany(rows: LookupRow[], tx: Tx = db): Promise<SendContext[]> {
  const out = await tx.$queryRaw<{ idx: number; service: SendContext["service"]; sender: SendContext["sender"]; opted_out: boolean }[]>(Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.map((r, idx) => ({ idx, ...r })))}::jsonb)
        AS t(idx int, account_sid text, service_sid text, "from" text, recipient text)
    ), ctx AS (
      SELECT i.idx, i.recipient, svc.j AS service, snd.j AS sender
        FROM input i
        LEFT JOIN LATERAL (
          SELECT json_build_object('sid', sid, 'smartEncoding', smart_encoding, 'validityPeriod', validity_period) AS j
            FROM services WHERE sid = i.service_sid AND account_sid = i.account_sid) svc ON true
        LEFT JOIN LATERAL (
          SELECT json_build_object('sid', x.sid, 'serviceSid', x.service_sid) AS j FROM (
            SELECT sid, service_sid FROM phone_numbers WHERE phone_number = i."from" AND account_sid = i.account_sid
            UNION ALL SELECT sid, service_sid FROM short_codes WHERE short_code = i."from" AND account_sid = i.account_sid
            UNION ALL SELECT sid, service_sid FROM channel_senders WHERE sender = i."from" AND account_sid = i.account_sid
            UNION ALL SELECT sid, service_sid FROM alpha_senders
              WHERE alpha_sender = i."from" AND account_sid = i.account_sid AND (i.service_sid IS NULL OR service_sid = i.service_sid)
            LIMIT 1) x) snd ON true
    )
    SELECT idx, service, sender,
           EXISTS (SELECT 1 FROM opt_outs o
                    WHERE o.recipient = ctx.recipient
                      AND o.service_sid = COALESCE(ctx.service->>'sid', ctx.sender->>'serviceSid')) AS opted_out
      FROM ctx`);
  const byIdx = new Map(out.map((r) => [Number(r.idx), r]));
  return rows.map((_, idx) => {
    const r = byIdx.get(idx);
    return { service: r?.service ?? null, sender: r?.sender ?? null, optedOut: r?.opted_out ?? false };
  });
}

/** Concurrent creates (the API's hot path) share one lookup query. */
const batched = coalesce<LookupRow, SendContext>({ maxBatch: 200, maxInFlight: 1, run: (rows) => lookupMany(rows) });

export async function lookupSendContext(
  accountSid: string,
  serviceSid: string | null,
  from: string | null,
  recipient: string,
  tx?: Tx,
): Promise<SendContext> {
  const row: LookupRow = { account_sid: accountSid, service_sid: serviceSid, from, recipient };
  if (tx) return (await lookupMany([row], tx))[0] as SendContext;
  return batched(row);
}
