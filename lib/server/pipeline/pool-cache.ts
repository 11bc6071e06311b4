import { LRUCache } from "lru-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SenderType } from "@/lib/core/senders/sender-type";
import { subscribeCache } from "@/lib/server/cache/cache-invalidation";
import { db } from "@/lib/server/db/client";

/** A sender as dispatch sees it: enough to route, rate-limit and hand off. */
export interface PoolSender {
  sid: string;
  kind: SenderType;
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
 * it for every message, while pools change rarely. Concurrent misses (and
 * reads of an expired pool) share one query: hundreds of dispatches in flight
 * would otherwise each query it at once, every TTL, and at a worker's start
 * that stampede stalled the pipeline for seconds. A sender removed from the
 * pool can still be picked for up to POOL_TTL_MS (documented in docs/pipeline.md),
 * unless the change's notification drops it first (every process, at commit:
 * docs/operations.md "Scale-out").
 */
const POOL_TTL_MS = 1_000;
const pools = new LRUCache<string, PoolSender[]>({
  max: 10_000,
  ttl: POOL_TTL_MS,
  // Invalidating a pool being fetched must not hand its readers nothing (an empty pool):
  // they get what the read returned, and the cache does not keep it.
  ignoreFetchAbort: true,
  fetchMethod: (serviceSid) => db.$queryRaw<PoolSender[]>(POOL_SQL(serviceSid)),
});
subscribeCache("pool", { invalidate: (serviceSid) => pools.delete(serviceSid), reset: () => pools.clear() });

export async function loadPool(serviceSid: string): Promise<PoolSender[]> {
  return (await pools.fetch(serviceSid)) ?? [];
}

/** One sender by SID (explicit From sends), cached like pools, since every From send reads it; null: no such sender. */
const senders = new LRUCache<string, { sender: PoolSender | null }>({
  max: 10_000,
  ttl: POOL_TTL_MS,
  ignoreFetchAbort: true,
  fetchMethod: async (key) => {
    const [accountSid, senderSid] = key.split(":") as [string, string];
    return { sender: await querySender(accountSid, senderSid) };
  },
});
subscribeCache("sender", {
  invalidate: (senderSid) => {
    for (const key of senders.keys()) if (key.endsWith(`:${senderSid}`)) senders.delete(key);
  },
  reset: () => senders.clear(),
});

/** Any of the four sender tables, scoped to the account. */
export async function loadSender(accountSid: string, senderSid: string): Promise<PoolSender | null> {
  return (await senders.fetch(`${accountSid}:${senderSid}`))?.sender ?? null;
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
