import { AppError } from "@/lib/server/errors";

/**
 * Input checks every REST adapter shares (docs/security.md "API input"):
 * values a client controls that Postgres or Prisma would otherwise reject
 * with an error we answered as a 500.
 */

/** Postgres text cannot hold NUL, and no SID, number or name needs a control character. */
export function hasNul(s: string): boolean {
  return s.includes("\u0000");
}

/** Dates the database can store and a client can mean: years 1-9999. */
const MIN_MS = Date.UTC(1, 0, 1) - 1;
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export function inDateRange(d: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && t >= MIN_MS && t <= MAX_MS;
}

/** Offsets beyond this are refused: no list is that long, and OFFSET work grows with it. */
export const MAX_OFFSET = 10_000_000;

/** A count parameter (PageSize, Limit): an integer in [min, max], or the default when absent. */
export function boundedInt(raw: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (raw === undefined || raw === "") return dflt;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new AppError(20001, `${name} must be an integer between ${min} and ${max}`, 400);
  return n;
}
