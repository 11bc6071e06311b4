import { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryOutcome } from "@/lib/carriers/driver";
import { db, type Tx } from "@/lib/server/db/client";

/**
 * carrier_submissions: one row per part handed to a carrier, keyed by the
 * carrier's message id once acknowledged; its reports land on that row
 * (docs/carriers.md "Delivery reports and parts"). A report and the
 * acknowledgement of the same id are serialized by an advisory lock on
 * (carrier, id), so a report that arrives before its submit_sm_resp is
 * either found by the acknowledgement (carrier_pending_reports) or finds
 * the acknowledged row itself; never neither.
 */

const FINAL = ["delivered", "undelivered", "failed"] as const;

export interface PartReport {
  status: DeliveryOutcome;
  errorCode?: number | null;
}

const lockId = (tx: Tx, carrierSid: string, carrierMessageId: string) =>
  tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${carrierSid + ":" + carrierMessageId}))`);

/** Before the submit: the message is on its way to this carrier (part 0 placeholder until parts are acknowledged). */
export async function recordSubmitting(messageSid: string, carrierSid: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO carrier_submissions (message_sid, carrier_sid, part_index, part_count, status)
    VALUES (${messageSid}, ${carrierSid}, 0, 1, 'submitting')
    ON CONFLICT (message_sid, carrier_sid, part_index) DO NOTHING`);
}

/**
 * A part was acknowledged with the carrier's id: recorded, then any report
 * that came first (pending) is applied to it. Returns true when that part
 * is now final.
 */
export async function recordPartAccepted(messageSid: string, carrierSid: string, part: { partIndex: number; partCount: number; carrierMessageId: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockId(tx, carrierSid, part.carrierMessageId);
    const early = await tx.$queryRaw<{ status: string; error_code: number | null }[]>(Prisma.sql`
      DELETE FROM carrier_pending_reports WHERE carrier_sid = ${carrierSid} AND carrier_message_id = ${part.carrierMessageId}
      RETURNING status, error_code`);
    const report = early[0];
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO carrier_submissions (message_sid, carrier_sid, part_index, part_count, carrier_message_id, status, error_code, reported_at)
      VALUES (${messageSid}, ${carrierSid}, ${part.partIndex}, ${part.partCount}, ${part.carrierMessageId},
              ${report?.status ?? "submitted"}, ${report?.error_code ?? null}, ${report ? new Date() : null})
      ON CONFLICT (message_sid, carrier_sid, part_index) DO UPDATE SET
        carrier_message_id = EXCLUDED.carrier_message_id,
        part_count = EXCLUDED.part_count,
        status = CASE WHEN carrier_submissions.status IN ('submitting', 'submitted') THEN EXCLUDED.status ELSE carrier_submissions.status END,
        error_code = CASE WHEN carrier_submissions.status IN ('submitting', 'submitted') THEN EXCLUDED.error_code ELSE carrier_submissions.error_code END,
        reported_at = COALESCE(carrier_submissions.reported_at, EXCLUDED.reported_at)`);
    return Boolean(report);
  });
}

/** The carrier refused the message: its rows still awaiting an acknowledgement are closed (failover may go on elsewhere). */
export async function recordRefused(messageSid: string, carrierSid: string, errorCode: number): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    UPDATE carrier_submissions SET status = 'failed', error_code = ${errorCode}, reported_at = now()
     WHERE message_sid = ${messageSid} AND carrier_sid = ${carrierSid} AND status = 'submitting'`);
}

/**
 * A part's report, by the carrier's message id: the message SID it belongs
 * to, or null when the id is not known yet (kept as a pending report) or
 * the part was already final (a duplicate report changes nothing).
 */
export async function recordPartReport(carrierSid: string, carrierMessageId: string, report: PartReport): Promise<string | null> {
  return db.$transaction(async (tx) => {
    await lockId(tx, carrierSid, carrierMessageId);
    const rows = await tx.$queryRaw<{ message_sid: string; updated: boolean }[]>(Prisma.sql`
      WITH u AS (
        UPDATE carrier_submissions SET status = ${report.status}, error_code = ${report.errorCode ?? null}, reported_at = now()
         WHERE carrier_sid = ${carrierSid} AND carrier_message_id = ${carrierMessageId} AND status IN ('submitting', 'submitted')
        RETURNING message_sid
      )
      SELECT message_sid, true AS updated FROM u
      UNION ALL
      SELECT message_sid, false FROM carrier_submissions
       WHERE carrier_sid = ${carrierSid} AND carrier_message_id = ${carrierMessageId} AND NOT EXISTS (SELECT 1 FROM u)`);
    if (rows.length === 0) {
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO carrier_pending_reports (carrier_sid, carrier_message_id, status, error_code)
        VALUES (${carrierSid}, ${carrierMessageId}, ${report.status}, ${report.errorCode ?? null})`);
      return null;
    }
    const updated = rows.find((r) => r.updated);
    return updated ? updated.message_sid : null;
  });
}

export interface MessageOutcome {
  status: DeliveryOutcome;
  errorCode?: number;
  /** One line per part for the trace: "part 2/3 undelivered 30003". */
  parts: string[];
}

const SEVERITY: Record<string, number> = { delivered: 0, undelivered: 1, failed: 2 };

/**
 * The message's one final status once every part on this carrier is final:
 * delivered only if all parts are; otherwise the worst part's status
 * (failed over undelivered) and that part's error code. Null while a part
 * is still open.
 */
export async function messageOutcome(messageSid: string, carrierSid: string): Promise<MessageOutcome | null> {
  const rows = await db.$queryRaw<{ part_index: number; part_count: number; status: string; error_code: number | null }[]>(Prisma.sql`
    SELECT part_index, part_count, status, error_code FROM carrier_submissions
     WHERE message_sid = ${messageSid} AND carrier_sid = ${carrierSid} ORDER BY part_index`);
  return outcomeOf(rows);
}

export function outcomeOf(rows: readonly { part_index: number; part_count: number; status: string; error_code: number | null }[]): MessageOutcome | null {
  if (rows.length === 0) return null;
  const count = Math.max(...rows.map((r) => r.part_count));
  const parts = rows.filter((r) => r.part_index < count);
  if (parts.length < count || parts.some((r) => !(FINAL as readonly string[]).includes(r.status))) return null;
  let worst = parts[0] as (typeof parts)[number];
  for (const p of parts) if ((SEVERITY[p.status] ?? 0) > (SEVERITY[worst.status] ?? 0)) worst = p;
  const lines = parts.map((p) => `part ${p.part_index + 1}/${count} ${p.status}${p.error_code ? " " + p.error_code : ""}`);
  if (worst.status === "delivered") return { status: "delivered", parts: lines };
  return { status: worst.status as DeliveryOutcome, errorCode: worst.error_code ?? 30008, parts: lines };
}
