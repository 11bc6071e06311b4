import type { Tx } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";

/** Makes room for a new default: the account's current default (other than `keepSid`) stops being one. */
export async function clearDefaultCarrier(tx: Tx, accountSid: string, keepSid: string): Promise<void> {
  await tx.carrier.updateMany({ where: { accountSid, isDefault: true, sid: { not: keepSid } }, data: { isDefault: false } });
}

/**
 * Runs a write that may set a default. Two concurrent "make X the default"
 * writes each clear what they saw and the partial unique index
 * (carriers_account_sid_key) refuses the second commit; running it again
 * sees the first one's default and clears it.
 */
export async function retryDefaultRace<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (!isUniqueViolation(err) && !isRawUniqueViolation(err)) throw err;
      if (i >= attempts) throw new AppError(20409, "Another change to the default carrier is in progress; try again", 409);
    }
  }
}

/** A unique violation surfacing from the driver adapter rather than as Prisma's P2002, or a deadlock between two such writes. */
function isRawUniqueViolation(err: unknown): boolean {
  const text = err instanceof Error ? err.message : String(err);
  return /23505|unique constraint|40P01|deadlock detected/i.test(text);
}
