import client from "prom-client";
import pg from "pg";
import { databaseUrl } from "@/lib/server/db/client";
import { errFields, log } from "./logger";
import { metrics } from "./metrics";

/**
 * Gauges read from the database when /metrics is scraped (async collect):
 * the queue and the rate limiter are shared by every process, so any
 * process reports the same values (scrape one, or take max() across them).
 * One round trip per scrape, shared by the gauges; a scrape that cannot
 * reach the database within SCRAPE_TIMEOUT_MS leaves them unset rather
 * than hanging the scrape.
 */
const SCRAPE_TIMEOUT_MS = 2_000;

interface Snapshot {
  jobs: { task: string; ready: number; scheduled: number; locked: number }[];
  oldestDueSeconds: number;
  senders: { kind: string; senders: number; busy: number; backlogSeconds: number }[];
}

// sender_rate_slots.next_at is the sender's next free slot: a sender whose next_at is in the future is
// sending at its MPS right now (more messages wait for slots), and next_at - now() is that backlog.
const SQL = `
  WITH jobs AS (
    SELECT task_identifier AS task,
           count(*) FILTER (WHERE locked_at IS NULL AND run_at <= now()) AS ready,
           count(*) FILTER (WHERE locked_at IS NULL AND run_at > now()) AS scheduled,
           count(*) FILTER (WHERE locked_at IS NOT NULL) AS locked,
           min(run_at) FILTER (WHERE locked_at IS NULL AND run_at <= now()) AS oldest_due
      FROM graphile_worker.jobs WHERE attempts < max_attempts GROUP BY task_identifier
  ), kinds AS (
    SELECT sid, CASE WHEN number_type = 'toll_free' THEN 'toll_free' ELSE 'long_code' END AS kind FROM phone_numbers
    UNION ALL SELECT sid, 'short_code' FROM short_codes
    UNION ALL SELECT sid, 'alpha' FROM alpha_senders
    UNION ALL SELECT sid, CASE WHEN sender_type = 'WhatsApp' THEN 'whatsapp' ELSE 'rcs' END FROM channel_senders
  ), sender_use AS (
    SELECT k.kind, count(*) AS senders,
           count(*) FILTER (WHERE r.next_at > now() AT TIME ZONE 'UTC') AS busy,
           COALESCE(max(EXTRACT(EPOCH FROM r.next_at - now() AT TIME ZONE 'UTC')) FILTER (WHERE r.next_at > now() AT TIME ZONE 'UTC'), 0) AS backlog
      FROM sender_rate_slots r JOIN kinds k ON k.sid = r.sender_sid GROUP BY k.kind
  )
  SELECT (SELECT COALESCE(json_agg(j), '[]') FROM jobs j) AS jobs,
         (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(oldest_due)), 0) FROM jobs) AS oldest_due,
         (SELECT COALESCE(json_agg(u), '[]') FROM sender_use u) AS senders`;

let pool: pg.Pool | null = null;
function scrapePool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 1, connectionTimeoutMillis: SCRAPE_TIMEOUT_MS, query_timeout: SCRAPE_TIMEOUT_MS, allowExitOnIdle: true });
  pool.on("error", () => undefined);
  return pool;
}

export async function readSnapshot(): Promise<Snapshot> {
  const { rows } = await scrapePool().query<{ jobs: Snapshot["jobs"]; oldest_due: string; senders: { kind: string; senders: number; busy: number; backlog: number }[] }>(SQL);
  const row = rows[0]!;
  return {
    jobs: row.jobs.map((j) => ({ task: j.task, ready: Number(j.ready), scheduled: Number(j.scheduled), locked: Number(j.locked) })),
    oldestDueSeconds: Number(row.oldest_due),
    senders: row.senders.map((s) => ({ kind: s.kind, senders: Number(s.senders), busy: Number(s.busy), backlogSeconds: Number(s.backlog) })),
  };
}

/** The gauges' collect() calls of one scrape (prom-client starts them all in the same tick) share one query; the next scrape reads afresh. */
let pending: Promise<Snapshot | null> | null = null;
function snapshotOnce(): Promise<Snapshot | null> {
  pending ??= readSnapshot()
    .catch((err: unknown) => {
      log.warn(errFields(err), "metrics: database gauges not read");
      return null;
    })
    .finally(() => (pending = null));
  return pending;
}

const globalForGauges = globalThis as unknown as { switchyardDbGauges?: boolean };

/** Registers the database gauges on the process's registry (once per process). */
export function registerDbGauges(): void {
  if (globalForGauges.switchyardDbGauges) return;
  globalForGauges.switchyardDbGauges = true;
  const registers = [metrics.registry];
  new client.Gauge({
    name: "switchyard_queue_jobs",
    help: "Jobs in the queue by task and state (ready: due now, scheduled: due later, locked: running). A dispatch job may hold many messages.",
    labelNames: ["task", "state"],
    registers,
    async collect() {
      const s = await snapshotOnce();
      this.reset();
      for (const j of s?.jobs ?? []) {
        this.set({ task: j.task, state: "ready" }, j.ready);
        this.set({ task: j.task, state: "scheduled" }, j.scheduled);
        this.set({ task: j.task, state: "locked" }, j.locked);
      }
    },
  });
  new client.Gauge({
    name: "switchyard_queue_oldest_due_seconds",
    help: "Age of the oldest job that is due and not yet taken by a worker (0: none waiting).",
    registers,
    async collect() {
      const s = await snapshotOnce();
      if (s) this.set(s.oldestDueSeconds);
    },
  });
  new client.Gauge({
    name: "switchyard_sender_mps_busy_ratio",
    help: "By sender type: the share of senders (that ever sent) using their full MPS right now (slots reserved ahead).",
    labelNames: ["sender_type"],
    registers,
    async collect() {
      const s = await snapshotOnce();
      this.reset();
      for (const k of s?.senders ?? []) this.set({ sender_type: k.kind }, k.senders ? k.busy / k.senders : 0);
    },
  });
  new client.Gauge({
    name: "switchyard_sender_backlog_seconds",
    help: "By sender type: the longest wait, at its MPS, for a sender's next free slot (how far behind its limit the busiest sender is).",
    labelNames: ["sender_type"],
    registers,
    async collect() {
      const s = await snapshotOnce();
      this.reset();
      for (const k of s?.senders ?? []) this.set({ sender_type: k.kind }, k.backlogSeconds);
    },
  });
  new client.Gauge({
    name: "switchyard_database_up",
    help: "1 when the last scrape's database read succeeded.",
    registers,
    async collect() {
      this.set((await snapshotOnce()) ? 1 : 0);
    },
  });
}
