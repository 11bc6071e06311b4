import { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryOutcome } from "@/lib/carriers/driver";
import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";

/**
 * carrier_submissions: one row per part handed to a carrier, keyed by the
 * carrier's message id once acknowledged; its reports land on that row
 * (docs/carriers.md "Delivery reports and parts").
 *
 * A report may arrive before its acknowledgement (SMPP: deliver_sm before
 * submit_sm_resp). Then it is kept in carrier_pending_reports, and BOTH
 * sides run the same match statement after their own write committed (the
 * acknowledgement after recording the id, the report after parking
 * itself): whichever match starts later sees both writes, so the report is
 * never left behind, and the DELETE's row lock lets only one of them apply
 * it. Every statement here is group-committed (coalesce): a multi-part
 * stream writes a few rows per message, hundreds per second.
 */

export interface PartReport {
  status: DeliveryOutcome;
  errorCode?: number | null;
}

interface PartKey {
  carrierSid: string;
  carrierMessageId: string;
}

const idKey = (k: PartKey) => `${k.carrierSid}:${k.carrierMessageId}`;

/** Applies parked reports whose id is now known; answers, per key, the message whose part it finalized (or null). */
const matchPending = coalesce<PartKey, string | null>({
  maxBatch: 500,
  maxInFlight: 2,
  keyOf: idKey,
  run: async (keys) => {
    const rows = await db.$queryRaw<{ carrier_sid: string; carrier_message_id: string; message_sid: string }[]>(Prisma.sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(keys.map((k) => ({ c: k.carrierSid, id: k.carrierMessageId })))}::jsonb) AS t(c text, id text)
      ), p AS (
        DELETE FROM carrier_pending_reports r USING input i
         WHERE r.carrier_sid = i.c AND r.carrier_message_id = i.id
           AND EXISTS (SELECT 1 FROM carrier_submissions s WHERE s.carrier_sid = r.carrier_sid AND s.carrier_message_id = r.carrier_message_id)
        RETURNING r.carrier_sid, r.carrier_message_id, r.status, r.error_code
      )
      UPDATE carrier_submissions s SET status = p.status, error_code = p.error_code, reported_at = now()
        FROM p
       WHERE s.carrier_sid = p.carrier_sid AND s.carrier_message_id = p.carrier_message_id AND s.status IN ('submitting', 'submitted')
      RETURNING s.carrier_sid, s.carrier_message_id, s.message_sid`);
    const found = new Map(rows.map((r) => [`${r.carrier_sid}:${r.carrier_message_id}`, r.message_sid]));
    return keys.map((k) => found.get(idKey(k)) ?? null);
  },
});

interface Submitting {
  messageSid: string;
  carrierSid: string;
}

const insertSubmitting = coalesce<Submitting, void>({
  maxBatch: 500,
  maxInFlight: 2,
  keyOf: (s) => `${s.messageSid}:${s.carrierSid}`,
  run: async (items) => {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO carrier_submissions (message_sid, carrier_sid, part_index, part_count, status)
      SELECT m, c, 0, 1, 'submitting' FROM jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ m: i.messageSid, c: i.carrierSid })))}::jsonb) AS t(m text, c text)
      ON CONFLICT (message_sid, carrier_sid, part_index) DO NOTHING`);
    return items.map(() => undefined);
  },
});

/** Before the submit: the message is on its way to this carrier (part 0 placeholder until parts are acknowledged). */
export function recordSubmitting(messageSid: string, carrierSid: string): Promise<void> {
  return insertSubmitting({ messageSid, carrierSid });
}

interface Accepted extends Submitting {
  partIndex: number;
  partCount: number;
  carrierMessageId: string;
}

const upsertAccepted = coalesce<Accepted, void>({
  maxBatch: 500,
  maxInFlight: 2,
  keyOf: (a) => `${a.messageSid}:${a.carrierSid}:${a.partIndex}`,
  run: async (items) => {
    const rows = items.map((a) => ({ m: a.messageSid, c: a.carrierSid, i: a.partIndex, n: a.partCount, id: a.carrierMessageId }));
    await db.$executeRaw(Prisma.sql`
      INSERT INTO carrier_submissions (message_sid, carrier_sid, part_index, part_count, carrier_message_id, status)
      SELECT m, c, i, n, id, 'submitted' FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(m text, c text, i int, n int, id text)
      ON CONFLICT (message_sid, carrier_sid, part_index) DO UPDATE SET
        carrier_message_id = EXCLUDED.carrier_message_id,
        part_count = EXCLUDED.part_count,
        status = CASE WHEN carrier_submissions.status IN ('submitting', 'submitted') THEN 'submitted' ELSE carrier_submissions.status END`);
    return items.map(() => undefined);
  },
});

/**
 * A part was acknowledged with the carrier's id: recorded, then a report
 * that came first (pending) is applied to it. True when that part is now final.
 */
export async function recordPartAccepted(messageSid: string, carrierSid: string, part: { partIndex: number; partCount: number; carrierMessageId: string }): Promise<boolean> {
  await upsertAccepted({ messageSid, carrierSid, ...part });
  return (await matchPending({ carrierSid, carrierMessageId: part.carrierMessageId })) !== null;
}

/** The carrier refused the message: its rows still awaiting an acknowledgement are closed (failover may go on elsewhere). */
export async function recordRefused(messageSid: string, carrierSid: string, errorCode: number): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    UPDATE carrier_submissions SET status = 'failed', error_code = ${errorCode}, reported_at = now()
     WHERE message_sid = ${messageSid} AND carrier_sid = ${carrierSid} AND status = 'submitting'`);
}

interface Reported extends PartKey, PartReport {}

/** "updated": the part's row took the report (its message); "known": the part was final already; "parked": id unknown yet. */
type ReportWrite = { kind: "updated"; messageSid: string } | { kind: "known" } | { kind: "parked" };

const writeReports = coalesce<Reported, ReportWrite>({
  maxBatch: 500,
  maxInFlight: 2,
  // Two reports for one id never share a statement (the second must see the first's result).
  keyOf: idKey,
  run: async (items) => {
    const rows = items.map((r, idx) => ({ idx, c: r.carrierSid, id: r.carrierMessageId, s: r.status, e: r.errorCode ?? null }));
    const out = await db.$queryRaw<{ idx: number; kind: string; message_sid: string | null }[]>(Prisma.sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(idx int, c text, id text, s text, e int)
      ), u AS (
        UPDATE carrier_submissions sub SET status = i.s, error_code = i.e, reported_at = now()
          FROM input i
         WHERE sub.carrier_sid = i.c AND sub.carrier_message_id = i.id AND sub.status IN ('submitting', 'submitted')
        RETURNING i.idx, sub.message_sid
      ), known AS (
        SELECT i.idx FROM input i
         WHERE EXISTS (SELECT 1 FROM carrier_submissions sub WHERE sub.carrier_sid = i.c AND sub.carrier_message_id = i.id)
      ), parked AS (
        -- A data-modifying CTE runs whether or not it is referenced.
        INSERT INTO carrier_pending_reports (carrier_sid, carrier_message_id, status, error_code)
        SELECT i.c, i.id, i.s, i.e FROM input i WHERE i.idx NOT IN (SELECT idx FROM known)
        RETURNING carrier_message_id
      )
      SELECT idx, 'updated' AS kind, message_sid FROM u
      UNION ALL SELECT idx, 'known', NULL FROM known WHERE idx NOT IN (SELECT idx FROM u)
      UNION ALL SELECT idx, 'parked', NULL FROM input WHERE idx NOT IN (SELECT idx FROM known)`);
    const byIdx = new Map(out.map((r) => [Number(r.idx), r]));
    return items.map((_, idx): ReportWrite => {
      const r = byIdx.get(idx);
      if (r?.kind === "updated") return { kind: "updated", messageSid: r.message_sid as string };
      if (r?.kind === "known") return { kind: "known" };
      return { kind: "parked" };
    });
  },
});

/**
 * A part's report, by the carrier's message id: the message SID whose part
 * it finalized, or null when the part was already final (a duplicate
 * changes nothing) or its id is not known yet (parked until acknowledged).
 */
export async function recordPartReport(carrierSid: string, carrierMessageId: string, report: PartReport): Promise<string | null> {
  const w = await writeReports({ carrierSid, carrierMessageId, ...report });
  if (w.kind === "updated") return w.messageSid;
  if (w.kind === "known") return null;
  // Parked: the acknowledgement may have committed meanwhile (its own match ran before we parked).
  return matchPending({ carrierSid, carrierMessageId });
}

export interface MessageOutcome {
  status: DeliveryOutcome;
  errorCode?: number;
  /** One line per part for the trace: "part 2/3 undelivered 30003". */
  parts: string[];
}

const SEVERITY: Record<string, number> = { delivered: 0, undelivered: 1, failed: 2 };
const FINAL = ["delivered", "undelivered", "failed"];

type PartRow = { part_index: number; part_count: number; status: string; error_code: number | null };

const readParts = coalesce<Submitting, PartRow[]>({
  maxBatch: 500,
  maxInFlight: 2,
  run: async (items) => {
    const rows = await db.$queryRaw<(PartRow & { message_sid: string; carrier_sid: string })[]>(Prisma.sql`
      SELECT s.message_sid, s.carrier_sid, s.part_index, s.part_count, s.status, s.error_code
        FROM carrier_submissions s
        JOIN jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ m: i.messageSid, c: i.carrierSid })))}::jsonb) AS t(m text, c text)
          ON s.message_sid = t.m AND s.carrier_sid = t.c
       ORDER BY s.part_index`);
    return items.map((i) => rows.filter((r) => r.message_sid === i.messageSid && r.carrier_sid === i.carrierSid));
  },
});

/**
 * The message's one final status once every part on this carrier is final:
 * delivered only if all parts are; otherwise the worst part's status
 * (failed over undelivered) and that part's error code. Null while a part
 * is still open.
 */
export async function messageOutcome(messageSid: string, carrierSid: string): Promise<MessageOutcome | null> {
  return outcomeOf(await readParts({ messageSid, carrierSid }));
}

export function outcomeOf(rows: readonly PartRow[]): MessageOutcome | null {
  if (rows.length === 0) return null;
  const count = Math.max(...rows.map((r) => r.part_count));
  const parts = rows.filter((r) => r.part_index < count);
  if (parts.length < count || parts.some((r) => !FINAL.includes(r.status))) return null;
  let worst = parts[0] as PartRow;
  for (const p of parts) if ((SEVERITY[p.status] ?? 0) > (SEVERITY[worst.status] ?? 0)) worst = p;
  const lines = parts.map((p) => `part ${p.part_index + 1}/${count} ${p.status}${p.error_code ? " " + p.error_code : ""}`);
  if (worst.status === "delivered") return { status: "delivered", parts: lines };
  return { status: worst.status as DeliveryOutcome, errorCode: worst.error_code ?? 30008, parts: lines };
}
