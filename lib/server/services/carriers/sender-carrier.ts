import { z } from "zod";
import { isSid } from "@/lib/core/ids";
import { db, type Tx } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockAccountCarriers } from "./carrier-locks";

/**
 * The "Carrier" of a sender (number, short code, alpha sender): a carrier
 * SID, or blank for the account default (null). Absent leaves it unchanged.
 */
export const senderCarrierSid = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v),
  z
    .string({ error: "Choose a carrier or the account default" })
    .refine((s) => isSid(s, "CR"), "CarrierSid must be CR followed by 32 hex digits")
    .nullable(),
);

type SenderTable = "phoneNumber" | "shortCode" | "alphaSender";

const AUDIT = {
  phoneNumber: { action: "phone_number.update", type: "phone_number" },
  shortCode: { action: "short_code.update", type: "short_code" },
  alphaSender: { action: "alpha_sender.update", type: "alpha_sender" },
} as const;

async function currentCarrier(t: Tx, table: SenderTable, where: { sid: string; accountSid: string }) {
  const select = { carrierSid: true, serviceSid: true } as const;
  return table === "phoneNumber"
    ? t.phoneNumber.findFirst({ where, select })
    : table === "shortCode"
      ? t.shortCode.findFirst({ where, select })
      : t.alphaSender.findFirst({ where, select });
}

/**
 * Binds a sender to a carrier of the same account (or to the default, null),
 * checking the carrier and writing in one transaction so a concurrent carrier
 * delete cannot leave a dangling SID. Returns false when the sender is not
 * the account's. Given the caller's transaction, the caller records the
 * change in the audit log with its own; alone, this records it.
 */
export async function setSenderCarrier(table: SenderTable, accountSid: string, senderSid: string, carrierSid: string | null, tx?: Tx): Promise<boolean> {
  const run = async (t: Tx) => {
    if (carrierSid !== null) await lockAccountCarriers(t, accountSid, [carrierSid], "carrierSid");
    const where = { sid: senderSid, accountSid };
    const data = { carrierSid };
    const before = tx ? null : await currentCarrier(t, table, where);
    const { count } =
      table === "phoneNumber" ? await t.phoneNumber.updateMany({ where, data }) : table === "shortCode" ? await t.shortCode.updateMany({ where, data }) : await t.alphaSender.updateMany({ where, data });
    if (before && count > 0) {
      const { action, type } = AUDIT[table];
      await recordAudit(t, { accountSid, action, resource: { type, sid: senderSid, serviceSid: before.serviceSid }, before: { carrierSid: before.carrierSid }, after: data });
    }
    return count > 0;
  };
  return tx ? run(tx) : db.$transaction(run);
}
