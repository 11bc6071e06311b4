import { LRUCache } from "lru-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

/**
 * The carrier a sender row is bound to (null: the account default), cached
 * per process for 2 s like the sender pool (lib/server/pipeline/pool-cache.ts):
 * every hand-off reads it, bindings change rarely.
 */
const cache = new LRUCache<string, { carrierSid: string | null }>({
  max: 20_000,
  ttl: 2_000,
  fetchMethod: async (senderSid) => {
    const rows = await db.$queryRaw<{ carrier_sid: string | null }[]>(Prisma.sql`
      SELECT carrier_sid FROM phone_numbers WHERE sid = ${senderSid}
      UNION ALL SELECT carrier_sid FROM short_codes WHERE sid = ${senderSid}
      UNION ALL SELECT carrier_sid FROM alpha_senders WHERE sid = ${senderSid}
      UNION ALL SELECT carrier_sid FROM channel_senders WHERE sid = ${senderSid}
      LIMIT 1`);
    return { carrierSid: rows[0]?.carrier_sid ?? null };
  },
});

export async function senderCarrierSid(senderSid: string | undefined): Promise<string | null> {
  if (!senderSid) return null;
  return (await cache.fetch(senderSid))?.carrierSid ?? null;
}
