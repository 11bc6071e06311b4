import { Prisma } from "@/lib/generated/prisma/client";
import { effectiveMps, type MpsKind } from "@/lib/core/senders/mps";
import { db } from "@/lib/server/db/client";

/**
 * Per-sender messages-per-second limiter shared by every worker process: a
 * `sender_rate_slots` row holds the sender's next free send instant, and one
 * atomic upsert both reserves a slot and advances it:
 *   slot = GREATEST(next_at, now());  next_at = slot + spacing
 * Row-level locking serializes concurrent reservations, so slots of one
 * sender are at least `spacing` apart no matter how many workers ask.
 *
 * Spacing is (1 s + SAFETY_MS) / mps rather than 1 s / mps: what a carrier
 * sees is slot + hand-off latency, and that jitter must not let mps + 1
 * messages land inside one second. SAFETY_MS bounds the tolerated jitter.
 */
export const SAFETY_MS = 50;

export function spacingMicros(kind: MpsKind, own: number | null): number {
  const mps = effectiveMps(kind, own);
  return Math.ceil(((1000 + SAFETY_MS) * 1000) / mps);
}

export interface Slot {
  /** Milliseconds from now (database clock) until the slot; <= 0 means now. */
  waitMs: number;
  /** The slot instant (epoch ms, database clock). */
  at: number;
}

export async function reserveSlot(senderSid: string, micros: number): Promise<Slot> {
  const rows = await db.$queryRaw<{ at_ms: number; wait_ms: number }[]>(Prisma.sql`
    WITH now AS (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS t),
    r AS (
      INSERT INTO sender_rate_slots AS s (sender_sid, next_at)
      SELECT ${senderSid}, t + make_interval(secs => ${micros}::float8 / 1e6) FROM now
      ON CONFLICT (sender_sid) DO UPDATE
        SET next_at = GREATEST(s.next_at, (SELECT t FROM now)) + make_interval(secs => ${micros}::float8 / 1e6)
      RETURNING next_at - make_interval(secs => ${micros}::float8 / 1e6) AS slot
    )
    SELECT (EXTRACT(EPOCH FROM r.slot) * 1000)::float8 AS at_ms,
           (EXTRACT(EPOCH FROM (r.slot - now.t)) * 1000)::float8 AS wait_ms
      FROM r, now`);
  const row = rows[0];
  if (!row) throw new Error("rate slot reservation returned nothing");
  return { at: Number(row.at_ms), waitMs: Number(row.wait_ms) };
}

/**
 * A worker that woke too late for its slot may still send now if nobody has
 * reserved after it (next_at is still its slot + spacing): it then moves
 * next_at to now + spacing. True means "hand off now". This keeps an idle
 * sender from wasting a whole interval because a query was slow.
 */
export async function reclaimLateSlot(senderSid: string, slotAtMs: number, micros: number): Promise<boolean> {
  const n = await db.$executeRaw(Prisma.sql`
    UPDATE sender_rate_slots
       SET next_at = (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${micros}::float8 / 1e6)
     WHERE sender_sid = ${senderSid}
       AND next_at <= to_timestamp(${slotAtMs}::float8 / 1000) AT TIME ZONE 'UTC' + make_interval(secs => (${micros}::float8 + 1000) / 1e6)`);
  return n === 1;
}
