import { z } from "zod";
import { isSid } from "@/lib/core/ids";
import { db, type Tx } from "@/lib/server/db/client";
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

/**
 * Binds a sender to a carrier of the same account (or to the default, null),
 * checking the carrier and writing in one transaction so a concurrent carrier
 * delete cannot leave a dangling SID. Returns false when the sender is not
 * the account's.
 */
export async function setSenderCarrier(table: SenderTable, accountSid: string, senderSid: string, carrierSid: string | null, tx?: Tx): Promise<boolean> {
  const run = async (t: Tx) => {
    if (carrierSid !== null) await lockAccountCarriers(t, accountSid, [carrierSid], "carrierSid");
    const where = { sid: senderSid, accountSid };
    const data = { carrierSid };
    const { count } =
      table === "phoneNumber" ? await t.phoneNumber.updateMany({ where, data }) : table === "shortCode" ? await t.shortCode.updateMany({ where, data }) : await t.alphaSender.updateMany({ where, data });
    return count > 0;
  };
  return tx ? run(tx) : db.$transaction(run);
}
