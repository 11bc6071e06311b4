import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";

async function statuses(sids: string[]): Promise<(string | null)[]> {
  const rows = await db.$queryRaw<{ sid: string; status: string }[]>`SELECT sid, status FROM messages WHERE sid = ANY(${sids}::text[])`;
  const bySid = new Map(rows.map((r) => [r.sid, r.status]));
  return sids.map((sid) => bySid.get(sid) ?? null);
}

/** Concurrent dispatches' last look before their hand-off share one primary-key read. */
const batched = coalesce<string, string | null>({ maxBatch: 200, maxInFlight: 3, run: statuses });

/** A message's status now (null when it is gone). */
export function currentStatus(sid: string): Promise<string | null> {
  return batched(sid);
}
