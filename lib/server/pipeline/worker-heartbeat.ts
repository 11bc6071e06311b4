import { hostname } from "node:os";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { noteWorkerBeat } from "@/lib/server/observability/health";
import { LIVENESS_APP_PREFIX, PROCESS_ID } from "./worker-liveness";

/** A pool's jobs are freed once its process has been seen without its liveness connection this long. */
export const DEAD_AFTER_MS = 1_000;
/**
 * ...and only when the database has been up this long: a live process reconnects its liveness connection
 * within ~0.5 s of a database restart, a killed one never does.
 */
export const RECONNECT_GRACE_S = 3;
/** The sweep's (and the running pool's beat's) period. */
export const HEARTBEAT_MS = 1_000;

/** Registers (and refreshes) a live pool of this process; only the running pool beats (docs/reliability.md). */
export async function beatWorkerPool(poolId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO pipeline_workers (pool_id, hostname, pid, started_at, heartbeat_at, process_id)
    VALUES (${poolId}, ${hostname()}, ${process.pid}, now(), now(), ${PROCESS_ID})
    ON CONFLICT (pool_id) DO UPDATE SET heartbeat_at = now()`);
  noteWorkerBeat(); // /readyz: this process's workers are alive
}

/** Removes a stopped pool's row, so it no longer counts as a worker. */
export async function forgetWorkerPool(poolId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`DELETE FROM pipeline_workers WHERE pool_id = ${poolId}`);
}

/** Frees the jobs still locked by a pool of THIS process that stopped, once its running jobs have settled. */
export async function unlockOwnPool(poolId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`SELECT graphile_worker.force_unlock_workers(ARRAY[${poolId}]::text[])`);
  await forgetWorkerPool(poolId);
}

/** Pools first seen dead by this process (epoch ms): a pool must stay dead DEAD_AFTER_MS before it is reaped. */
const firstSeenDead = new Map<string, number>();

/**
 * graphile-worker only frees jobs of a crashed worker after 4 hours. Every
 * live process sweeps: jobs locked by a pool of ANOTHER process that holds
 * no liveness connection (worker-liveness.ts) are unlocked with
 * graphile-worker's own force_unlock_workers(), so a `kill -9` delays its
 * messages by a second or two. The pool must look dead in sweeps at least
 * DEAD_AFTER_MS apart, with the database up for RECONNECT_GRACE_S (a live
 * process reconnects within a second of a database restart), and a pool
 * of this process is never reaped here: its
 * jobs are freed by start-workers.ts once they have settled. That is what
 * keeps one live job per message.
 */
export async function reapDeadPools(ownPools: readonly string[] = []): Promise<string[]> {
  const rows = await db.$queryRaw<{ locked_by: string }[]>(Prisma.sql`
    SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j
      LEFT JOIN pipeline_workers w ON w.pool_id = j.locked_by
     WHERE j.locked_by IS NOT NULL
       AND (w.process_id IS NULL OR w.process_id <> ${PROCESS_ID}) AND NOT j.locked_by = ANY(${[...ownPools]}::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = ${LIVENESS_APP_PREFIX} || w.process_id)
       -- A pool not registered yet (its first beat may still be on its way) gets time to register.
       AND (w.pool_id IS NOT NULL OR j.locked_at < now() - interval '10 seconds')
       AND pg_postmaster_start_time() < now() - make_interval(secs => ${RECONNECT_GRACE_S})`);
  const now = Date.now();
  const seen = new Set(rows.map((r) => r.locked_by));
  for (const id of [...firstSeenDead.keys()]) if (!seen.has(id)) firstSeenDead.delete(id);
  const dead: string[] = [];
  for (const id of seen) {
    const first = firstSeenDead.get(id);
    if (first === undefined) firstSeenDead.set(id, now);
    else if (now - first >= DEAD_AFTER_MS) dead.push(id);
  }
  if (dead.length) {
    await db.$executeRaw(Prisma.sql`SELECT graphile_worker.force_unlock_workers(${dead}::text[])`);
    await db.$executeRaw(Prisma.sql`DELETE FROM pipeline_workers WHERE pool_id = ANY(${dead}::text[])`);
    for (const id of dead) firstSeenDead.delete(id);
  }
  // Registrations of processes gone for an hour (their jobs were freed above).
  await db.$executeRaw(Prisma.sql`
    DELETE FROM pipeline_workers w WHERE heartbeat_at < now() - interval '1 hour'
       AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = ${LIVENESS_APP_PREFIX} || w.process_id)`);
  return dead;
}
