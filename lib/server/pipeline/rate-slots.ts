import { Prisma } from "@/lib/generated/prisma/client";
import { effectiveMps } from "@/lib/core/senders/mps";
import type { SenderType } from "@/lib/core/senders/sender-type";
import { coalesce } from "@/lib/server/db/coalesce";
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

/**
 * Slots are reserved at least this far in the future. A slot "now" is
 * already in the past when the reservation's answer arrives (its commit
 * takes time), so the worker would find itself late, reclaim or reserve
 * again, and under a slow database (tens of ms per commit on a loaded box)
 * do so for ever. Reserving ahead lets it sleep until the slot instead.
 */
export const RESERVE_LEAD_MS = 100;

export function spacingMicros(kind: SenderType, own: number | null): number {
  const mps = effectiveMps(kind, own);
  return Math.ceil(((1000 + SAFETY_MS) * 1000) / mps);
}

export interface Slot {
  /** Milliseconds from now (database clock) until the slot; <= 0 means now. */
  waitMs: number;
  /** The slot instant (epoch ms, database clock). */
  at: number;
}

interface SlotRequest {
  senderSid: string;
  micros: number;
}

/**
 * Reservations of many dispatches at once: requests are counted per sender,
 * one upsert per sender advances next_at by count x spacing, and the
 * requesters get consecutive slots (slot0, slot0 + spacing, ...). Same
 * guarantee as one reservation at a time, one statement for the batch.
 */
async function reserveSlots(reqs: SlotRequest[]): Promise<Slot[]> {
  const bySender = new Map<string, { micros: number; n: number }>();
  for (const r of reqs) {
    const g = bySender.get(r.senderSid);
    if (g) g.n++;
    else bySender.set(r.senderSid, { micros: r.micros, n: 1 });
  }
  const input = [...bySender].map(([sid, g]) => ({ sid, micros: g.micros, n: g.n }));
  const rows = await db.$queryRaw<{ sid: string; at_ms: number; now_ms: number }[]>(Prisma.sql`
    WITH now AS (SELECT clock_timestamp() AT TIME ZONE 'UTC' AS t),
    input AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS i(sid text, micros float8, n int)),
    r AS (
      INSERT INTO sender_rate_slots AS s (sender_sid, next_at)
      -- SID order: two workers' batches lock their senders' rows in the same order (no deadlock).
      SELECT i.sid, now.t + make_interval(secs => ${RESERVE_LEAD_MS / 1000}::float8 + i.n * i.micros / 1e6) FROM input i, now ORDER BY i.sid
      ON CONFLICT (sender_sid) DO UPDATE
        SET next_at = GREATEST(s.next_at, (SELECT t FROM now) + make_interval(secs => ${RESERVE_LEAD_MS / 1000}::float8))
                      + (EXCLUDED.next_at - (SELECT t FROM now) - make_interval(secs => ${RESERVE_LEAD_MS / 1000}::float8))
      RETURNING s.sender_sid, s.next_at
    )
    SELECT r.sender_sid AS sid,
           (EXTRACT(EPOCH FROM (r.next_at - make_interval(secs => i.n * i.micros / 1e6))) * 1000)::float8 AS at_ms,
           (EXTRACT(EPOCH FROM now.t) * 1000)::float8 AS now_ms
      FROM r JOIN input i ON i.sid = r.sender_sid, now`);
  const first = new Map(rows.map((r) => [r.sid, { at: Number(r.at_ms), now: Number(r.now_ms) }]));
  const used = new Map<string, number>();
  return reqs.map((r) => {
    const f = first.get(r.senderSid);
    if (!f) throw new Error("rate slot reservation returned nothing");
    const k = used.get(r.senderSid) ?? 0;
    used.set(r.senderSid, k + 1);
    const at = f.at + (k * r.micros) / 1000;
    return { at, waitMs: at - f.now };
  });
}

const batchedReserve = coalesce<SlotRequest, Slot>({ maxBatch: 500, maxInFlight: 2, run: reserveSlots });

export async function reserveSlot(senderSid: string, micros: number): Promise<Slot> {
  return batchedReserve({ senderSid, micros });
}

/**
 * A worker that woke too late for its slot may still send now if nobody has
 * reserved after it (next_at is still its slot + spacing): it then moves
 * next_at to now + spacing. The answer is that new slot (epoch ms, database
 * clock), or null when someone reserved after it. This keeps an idle sender
 * from wasting a whole interval because a query was slow.
 */
interface Reclaim {
  sid: string;
  slot_ms: number;
  micros: number;
}

/** Reclaims of many late workers in one statement (rows locked in SID order, like reservations). */
async function reclaimMany(reqs: Reclaim[]): Promise<(number | null)[]> {
  const rows = await db.$queryRaw<{ sid: string; at_ms: number }[]>(Prisma.sql`
    WITH input AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(reqs)}::jsonb) AS i(sid text, slot_ms float8, micros float8)),
    locked AS (
      SELECT s.sender_sid FROM sender_rate_slots s JOIN input i ON i.sid = s.sender_sid
       WHERE s.next_at <= to_timestamp(i.slot_ms / 1000) AT TIME ZONE 'UTC' + make_interval(secs => (i.micros + 1000) / 1e6)
       ORDER BY s.sender_sid FOR UPDATE OF s
    )
    UPDATE sender_rate_slots s
       SET next_at = (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => i.micros / 1e6)
      FROM input i, locked l
     WHERE s.sender_sid = i.sid AND l.sender_sid = i.sid
       AND s.next_at <= to_timestamp(i.slot_ms / 1000) AT TIME ZONE 'UTC' + make_interval(secs => (i.micros + 1000) / 1e6)
    RETURNING s.sender_sid AS sid, (EXTRACT(EPOCH FROM s.next_at - make_interval(secs => i.micros / 1e6)) * 1000)::float8 AS at_ms`);
  const won = new Map(rows.map((r) => [r.sid, Number(r.at_ms)]));
  return reqs.map((r) => won.get(r.sid) ?? null);
}

// One reclaim per sender per statement: only the holder of the last slot can win anyway.
const batchedReclaim = coalesce<Reclaim, number | null>({ maxBatch: 200, maxInFlight: 2, run: reclaimMany, keyOf: (r) => r.sid });

export async function reclaimLateSlot(senderSid: string, slotAtMs: number, micros: number): Promise<number | null> {
  return batchedReclaim({ sid: senderSid, slot_ms: slotAtMs, micros });
}
