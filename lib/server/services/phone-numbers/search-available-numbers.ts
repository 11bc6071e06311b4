import { inventoryCandidates, type AvailableNumber } from "@/lib/core/inventory/search-inventory";
import { db, type Tx } from "@/lib/server/db/client";
import type { SearchAvailableNumbersInput } from "./phone-number-schema";

const BATCH = 200;
/** Give up after this many candidates: an inventory block this owned-out is "no results". */
const MAX_SCANNED = 5000;

/**
 * Numbers of the simulated inventory that nobody owns (a phone number has
 * one owner across all accounts, so ownership is checked globally; the
 * answer reveals nothing but availability). `accountSid` is taken for the
 * uniform service signature and future per-account inventory rules.
 */
export async function searchAvailableNumbers(
  _accountSid: string,
  input: SearchAvailableNumbersInput,
  tx: Tx = db,
): Promise<AvailableNumber[]> {
  const limit = input.limit ?? 20;
  const out: AvailableNumber[] = [];
  let batch: AvailableNumber[] = [];
  let scanned = 0;
  const flush = async () => {
    const owned = await tx.phoneNumber.findMany({ where: { phoneNumber: { in: batch.map((n) => n.phoneNumber) } }, select: { phoneNumber: true } });
    const taken = new Set(owned.map((o) => o.phoneNumber));
    for (const n of batch) if (!taken.has(n.phoneNumber) && out.length < limit) out.push(n);
    batch = [];
  };
  for (const n of inventoryCandidates(input)) {
    batch.push(n);
    scanned++;
    if (batch.length === BATCH) {
      await flush();
      if (out.length >= limit || scanned >= MAX_SCANNED) return out;
    }
  }
  if (batch.length) await flush();
  return out;
}
