import type { Tx } from "@/lib/server/db/client";
import { invalidCarrierSid } from "./carrier-errors";

/**
 * Checks that every SID is a carrier of the account and holds a share lock
 * on those rows until the transaction ends: a carrier deleted concurrently
 * either commits first (then it is reported missing here) or waits for this
 * transaction (then its delete removes the new reference too).
 */
export async function lockAccountCarriers(tx: Tx, accountSid: string, carrierSids: string[], field: string): Promise<void> {
  if (carrierSids.length === 0) return;
  const found = await tx.$queryRaw<{ sid: string }[]>`
    SELECT sid FROM carriers WHERE account_sid = ${accountSid} AND sid = ANY(${carrierSids}::text[]) FOR SHARE`;
  const have = new Set(found.map((r) => r.sid));
  const missing = carrierSids.find((s) => !have.has(s));
  if (missing !== undefined) throw invalidCarrierSid(missing, field);
}
