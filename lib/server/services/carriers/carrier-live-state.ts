import { deriveCarrierState, type CarrierLiveState } from "@/lib/core/carriers/carrier-state";
import type { Carrier } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

export type CarrierWithLive = Carrier & { live: CarrierLiveState };

/** Each carrier with its live state, from its carrier_binds rows (one query for the whole list). */
export async function withLiveState(carriers: Carrier[], now = new Date()): Promise<CarrierWithLive[]> {
  if (carriers.length === 0) return [];
  const rows = await db.carrierBind.findMany({ where: { carrierSid: { in: carriers.map((c) => c.sid) } } });
  const bySid = new Map<string, typeof rows>();
  for (const r of rows) bySid.set(r.carrierSid, [...(bySid.get(r.carrierSid) ?? []), r]);
  return carriers.map((c) => ({ ...c, live: deriveCarrierState(bySid.get(c.sid) ?? [], { enabled: c.enabled, now }) }));
}
