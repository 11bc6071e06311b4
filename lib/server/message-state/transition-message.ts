import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import { db, type Tx } from "@/lib/server/db/client";
import { observeTransitions } from "@/lib/server/observability/observe-messages";
import { messageColumns, type Message } from "@/lib/server/message-state/message-columns";
import { STATUS_CALLBACK_TASK } from "@/lib/server/jobs/task-names";

export interface TransitionExtras {
  errorCode?: number | null;
  errorMessage?: string | null;
  from?: string | null;
  senderSid?: string | null;
  routingTrace?: unknown;
  /** The carrier connection that took the message (docs/carriers.md). */
  carrierSid?: string | null;
  /** Stamp date_sent (the hand-off to the carrier). */
  markSent?: boolean;
  /** When each status of the chain happened, when earlier than the statement (e.g. queued at routing); default: its clock. */
  times?: readonly (Date | null)[];
  /** A graphile-worker job enqueued in the same statement, only if the transition happens. */
  job?: { task: string; payload: unknown; runAt: Date; maxAttempts: number };
}

/** One row of the statement's input (snake_case: it travels as JSON). */
interface TransitionRow {
  idx: number;
  sid: string;
  allowed: string[];
  chain: string[];
  chain_at: (string | null)[] | null;
  error_code: number | null;
  error_message: string | null;
  from_addr: string | null;
  sender_sid: string | null;
  routing_trace: unknown;
  carrier_sid: string | null;
  mark_sent: boolean;
  job_task: string | null;
  job_payload: unknown;
  job_run_at: string | null;
  job_max: number | null;
}

/**
 * The statement behind every status change, for any number of messages:
 * a conditional UPDATE (only rows whose status is in `allowed` move, which
 * is what makes retried or concurrent workers harmless: the loser changes
 * nothing), one `message_events` row per status passed through (`chain`:
 * e.g. queued then sending, or sent then delivered, recorded in order in
 * one commit), the `status_callbacks` rows (one per status, de-duplicated by
 * their unique key) and their delivery jobs, plus an optional follow-up job
 * per message. All of it commits together or not at all.
 */
function transitionSql(rows: TransitionRow[]): Prisma.Sql {
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        idx int, sid text, allowed text[], chain text[], chain_at timestamptz[], error_code int, error_message text, from_addr text,
        sender_sid text, routing_trace jsonb, carrier_sid text, mark_sent bool, job_task text, job_payload json, job_run_at timestamptz, job_max int)
    ), m AS (
      UPDATE messages SET
        status = i.chain[cardinality(i.chain)],
        updated_at = now(),
        error_code = COALESCE(i.error_code, messages.error_code),
        error_message = COALESCE(i.error_message, messages.error_message),
        "from" = COALESCE(i.from_addr, messages."from"),
        sender_sid = COALESCE(i.sender_sid, messages.sender_sid),
        routing_trace = COALESCE(i.routing_trace, messages.routing_trace),
        carrier_sid = COALESCE(i.carrier_sid, messages.carrier_sid),
        date_sent = CASE WHEN i.mark_sent THEN now() ELSE messages.date_sent END
      FROM input i
      WHERE messages.sid = i.sid AND messages.status = ANY(i.allowed)
      RETURNING messages.*, i.idx, i.chain, i.chain_at, i.job_task, i.job_payload, i.job_run_at, i.job_max
    ), ev AS (
      SELECT m.sid, m.account_sid, s.status, s.ord, m.chain_at[s.ord] AS at,
             CASE WHEN s.ord = cardinality(m.chain) THEN m.error_code END AS error_code
        FROM m CROSS JOIN LATERAL unnest(m.chain) WITH ORDINALITY AS s(status, ord)
    ), e AS (
      -- clock_timestamp(): statuses passed in one statement still get increasing times.
      INSERT INTO message_events (message_sid, account_sid, status, error_code, created_at)
      SELECT sid, account_sid, status, error_code, COALESCE(at, clock_timestamp()) FROM ev ORDER BY sid, ord
    ), cb AS (
      INSERT INTO status_callbacks (message_sid, account_sid, status, url)
      SELECT ev.sid, ev.account_sid, ev.status, COALESCE(m.status_callback, s.status_callback)
        FROM ev JOIN m ON m.sid = ev.sid LEFT JOIN services s ON s.sid = m.service_sid
       WHERE COALESCE(m.status_callback, s.status_callback) IS NOT NULL
      ON CONFLICT (message_sid, status) DO NOTHING
      RETURNING id
    ), j AS (
      SELECT graphile_worker.add_jobs(array_agg(ROW(${STATUS_CALLBACK_TASK}, json_build_object('id', cb.id::text), NULL, NULL, 12, NULL, NULL, NULL)::graphile_worker.job_spec))
        FROM cb HAVING count(*) > 0
    ), fj AS (
      SELECT graphile_worker.add_jobs(array_agg(ROW(m.job_task, m.job_payload, NULL, m.job_run_at, m.job_max, NULL, NULL, NULL)::graphile_worker.job_spec))
        FROM m WHERE m.job_task IS NOT NULL HAVING count(*) > 0
    )
    SELECT ${messageColumns("m")}, m.idx, (SELECT count(*) FROM j) AS jobs, (SELECT count(*) FROM fj) AS follow_jobs FROM m`;
}

type Returned = Message & { idx?: number; jobs?: unknown; follow_jobs?: unknown };

async function runTransitions(rows: TransitionRow[], tx: Tx = db): Promise<(Message | null)[]> {
  const sent = rows.map((r, idx) => ({ ...r, idx }));
  const out = await tx.$queryRaw<Returned[]>(transitionSql(sent));
  const byIdx = new Map<number, Message>();
  for (const r of out) {
    const idx = Number(r.idx);
    delete r.idx;
    delete r.jobs;
    delete r.follow_jobs;
    byIdx.set(idx, r);
  }
  const results = sent.map((r) => byIdx.get(r.idx) ?? null);
  observeTransitions(sent, results); // metrics: each status reached, counted once (docs/operations.md)
  return results;
}

/**
 * Concurrent transitions (hundreds of dispatches in flight per worker)
 * share one statement; two changes of the same message never share one
 * (keyOf), so the second sees the first's result, as it would in sequence.
 */
const batched = coalesce<TransitionRow, Message | null>({ maxBatch: 200, maxInFlight: 3, run: (rows) => runTransitions(rows), keyOf: (r) => r.sid });

/**
 * Moves a message to `to` only if it is currently in one of `from`. `to`
 * may list several statuses passed through at once (each gets its event
 * and callback; the last one stays). Returns the updated message, or null
 * when the message was not in an allowed status. With `tx` it runs inside
 * the caller's transaction; without, it joins the next batched statement.
 */
export async function transitionMessage(
  sid: string,
  from: readonly string[],
  to: string | readonly string[],
  extras: TransitionExtras = {},
  tx?: Tx,
): Promise<Message | null> {
  const row: TransitionRow = {
    idx: 0,
    sid,
    allowed: [...from],
    chain: typeof to === "string" ? [to] : [...to],
    chain_at: extras.times ? extras.times.map((t) => t?.toISOString() ?? null) : null,
    error_code: extras.errorCode ?? null,
    error_message: extras.errorMessage ?? null,
    from_addr: extras.from ?? null,
    sender_sid: extras.senderSid ?? null,
    routing_trace: extras.routingTrace ?? null,
    carrier_sid: extras.carrierSid ?? null,
    mark_sent: Boolean(extras.markSent),
    job_task: extras.job?.task ?? null,
    job_payload: extras.job?.payload ?? null,
    job_run_at: extras.job ? extras.job.runAt.toISOString() : null,
    job_max: extras.job?.maxAttempts ?? null,
  };
  if (tx) return (await runTransitions([row], tx))[0] ?? null;
  return batched(row);
}
