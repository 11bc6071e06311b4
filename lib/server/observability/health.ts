import path from "node:path";
import pg from "pg";
import { databaseUrl } from "@/lib/server/db/client";
import { listMigrations } from "@/lib/server/db/migrate";

/** A probe waits at most this long for the database: a readiness probe that hangs is worse than a 503. */
const PROBE_TIMEOUT_MS = 1_000;
/** A pool whose last heartbeat is older than this is not running (worker-heartbeat.ts DEAD_AFTER_MS). */
const WORKER_STALE_MS = 10_000;

export interface ReadyCheck {
  ok: boolean;
  detail?: string;
}
export interface Readiness {
  ready: boolean;
  checks: { database: ReadyCheck; migrations: ReadyCheck; workers: ReadyCheck };
}

/** Heartbeats of pipeline workers running in this process (worker-heartbeat.ts reports each successful beat). */
const local = globalThis as unknown as { switchyardLocalBeat?: { at: number; stopped: boolean } };

export function noteWorkerBeat(): void {
  local.switchyardLocalBeat = { at: Date.now(), stopped: false };
}
export function noteWorkersStopped(): void {
  if (local.switchyardLocalBeat) local.switchyardLocalBeat.stopped = true;
}

let probePool: pg.Pool | null = null;
let probeUrl = "";
/** Probes use their own single connection, not the app's pool, so a saturated pool cannot hang them. */
function pool(): pg.Pool {
  const url = databaseUrl();
  if (probePool && probeUrl === url) return probePool;
  void probePool?.end().catch(() => undefined);
  probeUrl = url;
  probePool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS, allowExitOnIdle: true });
  probePool.on("error", () => undefined); // an idle connection dropped (database restart): the next probe reconnects
  return probePool;
}

let migrationNames: Promise<string[]> | null = null;
function expectedMigrations(): Promise<string[]> {
  migrationNames ??= listMigrations(path.resolve(process.cwd(), "prisma/migrations")).then((ms) => ms.map((m) => m.name));
  return migrationNames;
}

async function checkWorkers(client: pg.Pool): Promise<ReadyCheck> {
  const beat = local.switchyardLocalBeat;
  if (beat) {
    if (beat.stopped) return { ok: false, detail: "this process's workers are stopped" };
    const age = Date.now() - beat.at;
    return age < WORKER_STALE_MS ? { ok: true, detail: "this process's workers are running" } : { ok: false, detail: `this process's last worker heartbeat was ${Math.round(age / 1000)} s ago` };
  }
  // This process runs no workers (PIPELINE_WORKERS=0): messages only move if some process does.
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM pipeline_workers WHERE heartbeat_at > now() - make_interval(secs => $1)",
    [WORKER_STALE_MS / 1000],
  );
  const n = Number(rows[0]?.n ?? 0);
  return n > 0 ? { ok: true, detail: `${n} worker process(es) running elsewhere` } : { ok: false, detail: "no worker process has sent a heartbeat recently" };
}

/** /readyz: the database answers, every migration of this build is applied, and workers are running. */
export async function readiness(): Promise<Readiness> {
  const checks: Readiness["checks"] = {
    database: { ok: false },
    migrations: { ok: false, detail: "not checked: database unreachable" },
    workers: { ok: false, detail: "not checked: database unreachable" },
  };
  let client: pg.Pool;
  try {
    client = pool();
    await client.query("SELECT 1");
    checks.database = { ok: true };
  } catch (err) {
    checks.database = { ok: false, detail: (err as Error).message };
    return { ready: false, checks };
  }
  try {
    const expected = await expectedMigrations();
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = expected.filter((name) => !applied.has(name));
    checks.migrations = missing.length ? { ok: false, detail: `not applied: ${missing.join(", ")}` } : { ok: true, detail: `${expected.length} applied` };
  } catch (err) {
    checks.migrations = { ok: false, detail: (err as Error).message };
  }
  try {
    checks.workers = await checkWorkers(client);
  } catch (err) {
    checks.workers = { ok: false, detail: (err as Error).message };
  }
  return { ready: checks.database.ok && checks.migrations.ok && checks.workers.ok, checks };
}
