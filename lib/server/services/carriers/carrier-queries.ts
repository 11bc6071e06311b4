import { db, type Tx } from "@/lib/server/db/client";
import { carrierNotFound } from "./carrier-errors";
import { withLiveState } from "./carrier-live-state";

/** One carrier of the account (another account's is not found: 20404). */
export async function getCarrier(accountSid: string, sid: string, tx: Tx = db) {
  const carrier = await tx.carrier.findFirst({ where: { sid, accountSid } });
  if (!carrier) throw carrierNotFound(sid);
  return carrier;
}

export async function getCarrierWithLive(accountSid: string, sid: string) {
  const [c] = await withLiveState([await getCarrier(accountSid, sid)]);
  return c!;
}

/** The account's carriers, oldest first (the order routes and the Carriers page show them), with live state. */
export async function listCarriers(accountSid: string, opts: { skip?: number; take?: number } = {}) {
  const where = { accountSid };
  const [items, total] = await Promise.all([
    db.carrier.findMany({ where, orderBy: [{ createdAt: "asc" }, { sid: "asc" }], skip: opts.skip, take: opts.take }),
    db.carrier.count({ where }),
  ]);
  return { items: await withLiveState(items), total };
}

/** Name and SID of every carrier of the account, for the "Carrier" selects of the sender and route forms. */
export async function carrierChoices(accountSid: string) {
  return db.carrier.findMany({
    where: { accountSid },
    select: { sid: true, friendlyName: true, type: true, enabled: true, isDefault: true },
    orderBy: [{ createdAt: "asc" }, { sid: "asc" }],
  });
}
