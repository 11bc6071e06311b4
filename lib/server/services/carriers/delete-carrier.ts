import { db } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { carrierNotFound } from "./carrier-errors";

/**
 * Deletes a carrier and every reference to it in one transaction: its live
 * bind rows (foreign key), its place in prefix routes (a route left with no
 * carrier is deleted), and the binding of senders to it (they fall back to
 * routes and the account default). Messages keep the SID they were sent with.
 */
export async function deleteCarrier(accountSid: string, sid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.carrier.findFirst({ where: { sid, accountSid } });
    const { count } = await tx.carrier.deleteMany({ where: { sid, accountSid } });
    if (!before || count === 0) throw carrierNotFound(sid);
    await tx.$executeRaw`
      UPDATE carrier_routes SET carrier_sids = array_remove(carrier_sids, ${sid}), updated_at = now()
       WHERE account_sid = ${accountSid} AND ${sid} = ANY(carrier_sids)`;
    await tx.$executeRaw`DELETE FROM carrier_routes WHERE account_sid = ${accountSid} AND cardinality(carrier_sids) = 0`;
    const senders = { where: { accountSid, carrierSid: sid }, data: { carrierSid: null } };
    await tx.phoneNumber.updateMany(senders);
    await tx.shortCode.updateMany(senders);
    await tx.alphaSender.updateMany(senders);
    await tx.channelSender.updateMany(senders);
    await recordAudit(tx, { accountSid, action: "carrier.delete", resource: { type: "carrier", sid }, before });
  });
}
