import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CapacityRow, EventRow, LatencyRow, MessageCountRow, PeakRow } from "@/lib/core/insights/shape-report";
import type { TimeRange } from "@/lib/core/insights/time-range";
import type { SenderType } from "@/lib/core/senders/sender-type";
import { db } from "@/lib/server/db/client";

/**
 * The Insights queries: sums over the rollup tables (docs/insights.md), each
 * scoped by account first (the tables' primary keys start with account and
 * hour) and summed over shards. One function per table and question, so the
 * benchmark (bench/insights) times each alone.
 */
export interface RollupScope {
  accountSid: string;
  range: TimeRange;
  serviceSid?: string;
  sender?: string;
}

const where = (s: RollupScope, time: "hour" | "day" = "hour", withSender = true) =>
  Prisma.join(
    [
      Prisma.sql`account_sid = ${s.accountSid}`,
      ...(withSender && s.sender ? [Prisma.sql`sender = ${s.sender}`] : []),
      Prisma.sql`${Prisma.raw(time)} >= ${s.range.start}`,
      Prisma.sql`${Prisma.raw(time)} < ${s.range.end}`,
      ...(s.serviceSid ? [Prisma.sql`service_sid = ${s.serviceSid}`] : []),
    ],
    " AND ",
  );
const unit = (s: RollupScope) => (s.range.bucket === "hour" ? Prisma.sql`'hour'` : Prisma.sql`'day'`);

/**
 * Which table answers a message question with the fewest rows: a sender's
 * own hourly rows when filtered by sender; else daily rows for a range of
 * whole days (the day presets and custom ranges are), hourly ones otherwise.
 */
function messageSource(s: RollupScope): { table: Prisma.Sql; time: "hour" | "day" } {
  if (s.sender) return { table: Prisma.raw("insight_sender_counts"), time: "hour" };
  return s.range.bucket === "day" ? { table: Prisma.raw("insight_message_days"), time: "day" } : { table: Prisma.raw("insight_message_counts"), time: "hour" };
}

/** Messages per chart bucket, direction, current status, error code and sender type. */
export async function queryMessageCounts(s: RollupScope): Promise<MessageCountRow[]> {
  const src = messageSource(s);
  const rows = await db.$queryRaw<{ bucket: Date; direction: string; status: string; error_code: number; sender_type: string; n: bigint }[]>(Prisma.sql`
    SELECT date_trunc(${unit(s)}, ${Prisma.raw(src.time)}) AS bucket, direction, status, error_code, sender_type, sum(count)::bigint AS n
      FROM ${src.table} WHERE ${where(s, src.time)}
     GROUP BY 1, 2, 3, 4, 5 HAVING sum(count) <> 0`);
  return rows.map((r) => ({ bucket: r.bucket, direction: r.direction, status: r.status, errorCode: r.error_code, senderType: r.sender_type, count: Number(r.n) }));
}

/**
 * The latency histograms of the messages created in the range (daily rows
 * for whole days). Per service, not per sender: a sender filter does not
 * narrow them (docs/insights.md "Filters").
 */
export async function queryLatency(s: RollupScope): Promise<LatencyRow[]> {
  const [table, time] = s.range.bucket === "day" ? [Prisma.raw("insight_latency_days"), "day" as const] : [Prisma.raw("insight_latency_bins"), "hour" as const];
  const rows = await db.$queryRaw<{ kind: string; bin: number; n: bigint }[]>(Prisma.sql`
    SELECT kind, bin, sum(count)::bigint AS n FROM ${table} WHERE ${where(s, time, false)} GROUP BY 1, 2 HAVING sum(count) <> 0`);
  return rows.map((r) => ({ kind: r.kind, bin: r.bin, count: Number(r.n) }));
}

/** Per sender type: outbound messages in the range and in its busiest hour. */
export async function queryPeaks(s: RollupScope): Promise<PeakRow[]> {
  const hourly = s.sender
    ? Prisma.sql`SELECT hour, sender_type, sum(count) AS n FROM insight_sender_counts WHERE ${where(s)} AND direction <> 'inbound' AND sender_type <> 'none' GROUP BY 1, 2`
    : Prisma.sql`SELECT hour, sender_type, sum(count) AS n FROM insight_throughput WHERE ${where(s)} AND sender_type <> 'none' GROUP BY 1, 2`;
  const rows = await db.$queryRaw<{ sender_type: string; peak: bigint; total: bigint }[]>(Prisma.sql`
    SELECT sender_type, max(n)::bigint AS peak, sum(n)::bigint AS total FROM (${hourly}) h GROUP BY 1`);
  return rows.map((r) => ({ senderType: r.sender_type, peakHour: Number(r.peak), total: Number(r.total) }));
}

/** Opt-outs, opt-ins, links sent and clicked, per chart bucket (per service: they have no sender). */
export async function queryEvents(s: RollupScope): Promise<EventRow[]> {
  const [table, time] = s.range.bucket === "day" ? [Prisma.raw("insight_event_days"), "day" as const] : [Prisma.raw("insight_event_counts"), "hour" as const];
  const rows = await db.$queryRaw<{ bucket: Date; kind: string; n: bigint }[]>(Prisma.sql`
    SELECT date_trunc(${unit(s)}, ${Prisma.raw(time)}) AS bucket, kind, sum(count)::bigint AS n
      FROM ${table} WHERE ${where(s, time, false)} GROUP BY 1, 2 HAVING sum(count) <> 0`);
  return rows.map((r) => ({ bucket: r.bucket, kind: r.kind, count: Number(r.n) }));
}

/** The senders that can carry the traffic now (the service's pool, or the account's), by MPS kind. */
export async function queryCapacity(s: Omit<RollupScope, "range">): Promise<CapacityRow[]> {
  const svc = s.serviceSid ?? null;
  const snd = s.sender ?? null;
  const rows = await db.$queryRaw<{ kind: SenderType; senders: bigint; own: bigint | null; defaults: bigint }[]>(Prisma.sql`
    SELECT kind, count(*)::bigint AS senders, sum(mps)::bigint AS own, count(*) FILTER (WHERE mps IS NULL)::bigint AS defaults FROM (
      SELECT CASE WHEN number_type = 'toll_free' THEN 'toll_free' ELSE 'long_code' END AS kind, mps, service_sid, phone_number AS sender FROM phone_numbers WHERE account_sid = ${s.accountSid}
      UNION ALL SELECT 'short_code', mps, service_sid, short_code FROM short_codes WHERE account_sid = ${s.accountSid}
      UNION ALL SELECT 'alpha', mps, service_sid, alpha_sender FROM alpha_senders WHERE account_sid = ${s.accountSid}
      UNION ALL SELECT CASE WHEN sender_type = 'WhatsApp' THEN 'whatsapp' ELSE 'rcs' END, mps, service_sid, sender FROM channel_senders WHERE account_sid = ${s.accountSid}
    ) x
    WHERE (${svc}::text IS NULL OR service_sid = ${svc}) AND (${snd}::text IS NULL OR sender = ${snd})
    GROUP BY 1`);
  return rows.map((r) => ({ kind: r.kind, senders: Number(r.senders), ownMps: Number(r.own ?? 0), defaults: Number(r.defaults) }));
}
