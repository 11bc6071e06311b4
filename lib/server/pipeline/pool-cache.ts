import { Prisma } from "@/lib/generated/prisma/client";
import type { SenderKind } from "@/lib/carriers/driver";
import { db } from "@/lib/server/db/client";

/** A sender as dispatch sees it: enough to route, rate-limit and hand off. */
export interface PoolSender {
  sid: string;
  kind: SenderKind;
  /** What goes in `from`: E.164, short code, alpha ID, whatsapp:+E164, rcs:agent. */
  address: string;
  /** ISO country; "" for the service-wide alpha sender. */
  isoCountry: string;
  /** RCS: countries the agent is approved for. */
  countries: string[];
  sms: boolean;
  mms: boolean;
  /** Own limit (sender row `mps`), null = the type's default. */
  mps: number | null;
  addedAt: Date | null;
}

const POOL_SQL = (serviceSid: string) => Prisma.sql`
  SELECT sid, CASE WHEN number_type = 'toll_free' THEN 'toll_free' ELSE 'long_code' END AS kind, phone_number AS address,
         iso_country AS "isoCountry", ARRAY[]::text[] AS countries, sms_enabled AS sms, mms_enabled AS mms, mps, added_to_service_at AS "addedAt"
    FROM phone_numbers WHERE service_sid = ${serviceSid}
  UNION ALL
  SELECT sid, 'short_code', short_code, iso_country, ARRAY[]::text[], sms_enabled, mms_enabled, mps, added_to_service_at
    FROM short_codes WHERE service_sid = ${serviceSid}
  UNION ALL
  SELECT sid, 'alpha', alpha_sender, iso_country_code, ARRAY[]::text[], true, false, mps, created_at
    FROM alpha_senders WHERE service_sid = ${serviceSid}
  UNION ALL
  SELECT sid, CASE WHEN sender_type = 'WhatsApp' THEN 'whatsapp' ELSE 'rcs' END, sender, country_code, countries, true, true, mps, added_to_service_at
    FROM channel_senders WHERE service_sid = ${serviceSid}`;

/**
 * A service's sender pool, cached per process for POOL_TTL_MS: dispatch reads
 * it for every message, while pools change rarely. A sender removed from the
 * pool can still be picked for up to POOL_TTL_MS (documented in docs/pipeline.md).
 */
const POOL_TTL_MS = 1_000;
const pools = new Map<string, { senders: PoolSender[]; expires: number }>();

export async function loadPool(serviceSid: string): Promise<PoolSender[]> {
  const hit = pools.get(serviceSid);
  if (hit && hit.expires > Date.now()) return hit.senders;
  const senders = await db.$queryRaw<PoolSender[]>(POOL_SQL(serviceSid));
  pools.set(serviceSid, { senders, expires: Date.now() + POOL_TTL_MS });
  return senders;
}

const senders = new Map<string, { sender: PoolSender | null; expires: number }>();

/**
 * One sender by SID (explicit From sends), any of the four tables, scoped to
 * the account; cached like pools (POOL_TTL_MS), since every From send reads it.
 */
export async function loadSender(accountSid: string, senderSid: string): Promise<PoolSender | null> {
  const key = `${accountSid}:${senderSid}`;
  const hit = senders.get(key);
  if (hit && hit.expires > Date.now()) return hit.sender;
  const sender = await querySender(accountSid, senderSid);
  if (senders.size > 10_000) senders.clear();
  senders.set(key, { sender, expires: Date.now() + POOL_TTL_MS });
  return sender;
}

async function querySender(accountSid: string, senderSid: string): Promise<PoolSender | null> {
  const rows = await db.$queryRaw<(PoolSender & { accountSid: string })[]>(Prisma.sql`
    SELECT * FROM (
      SELECT sid, account_sid AS "accountSid", CASE WHEN number_type = 'toll_free' THEN 'toll_free' ELSE 'long_code' END AS kind, phone_number AS address,
             iso_country AS "isoCountry", ARRAY[]::text[] AS countries, sms_enabled AS sms, mms_enabled AS mms, mps, added_to_service_at AS "addedAt"
        FROM phone_numbers WHERE sid = ${senderSid}
      UNION ALL SELECT sid, account_sid, 'short_code', short_code, iso_country, ARRAY[]::text[], sms_enabled, mms_enabled, mps, added_to_service_at FROM short_codes WHERE sid = ${senderSid}
      UNION ALL SELECT sid, account_sid, 'alpha', alpha_sender, iso_country_code, ARRAY[]::text[], true, false, mps, created_at FROM alpha_senders WHERE sid = ${senderSid}
      UNION ALL SELECT sid, account_sid, CASE WHEN sender_type = 'WhatsApp' THEN 'whatsapp' ELSE 'rcs' END, sender, country_code, countries, true, true, mps, added_to_service_at FROM channel_senders WHERE sid = ${senderSid}
    ) s WHERE "accountSid" = ${accountSid} LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  const { accountSid: _ignored, ...sender } = row;
  return sender;
}
