import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

/** Twilio's error for a handset the carrier no longer knows: the evidence that a number was deactivated. */
export const DEACTIVATED_ERROR_CODE = 30005;

/** A Deactivations date: YYYY-MM-DD, a real calendar day (UTC). */
export function parseDeactivationDate(raw: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!day || day.toISOString().slice(0, 10) !== raw) throw new AppError(21620, `Invalid Date ${raw}: use YYYY-MM-DD`, 400);
  return day;
}

/**
 * The US numbers deactivated on one UTC day, as far as this installation
 * knows: the distinct +1 recipients of the account's messages that carriers
 * (or the simulator) failed with 30005 that day (docs/api.md
 * "Deactivations"). Scoped to the account: another account's recipients are
 * not shown to it. Served by the (account_sid, error_code, created_at) index.
 */
export async function deactivatedNumbers(accountSid: string, day: Date): Promise<string[]> {
  const next = new Date(day.getTime() + 86_400_000);
  const rows = await db.message.findMany({
    where: { accountSid, errorCode: DEACTIVATED_ERROR_CODE, createdAt: { gte: day, lt: next }, direction: { not: "inbound" }, to: { startsWith: "+1" } },
    select: { to: true },
    distinct: ["to"],
    orderBy: { to: "asc" },
  });
  return rows.map((r) => r.to);
}
