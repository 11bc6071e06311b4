import { hostname } from "node:os";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { noteWorkerBeat, noteWorkersStopped } from "@/lib/server/observability/health";

/** A pool silent for longer than this is dead; its locked jobs go back to the queue. */
export const DEAD_AFTER_MS = 10_000;
export const HEARTBEAT_MS = 2_000;

export async function beat(poolId: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO pipeline_workers (pool_id, hostname, pid, started_at, heartbeat_at)
    VALUES (${poolId}, ${hostname()}, ${process.pid}, now(), now())
    ON CONFLICT (pool_id) DO UPDATE SET heartbeat_at = now()`);
  noteWorkerBeat(); // /readyz: this process's workers are alive
}

export async function forget(poolId: string): Promise<void> {
  noteWorkersStopped();
  await db.$executeRaw(Prisma.sql`DELETE FROM pipeline_workers WHERE pool_id = ${poolId}`);
}

/**
 * graphile-worker only frees jobs of a crashed worker after 4 hours. Every
 * live pool runs this sweep: jobs locked (for a while) by a pool with no
 * recent heartbeat are unlocked with graphile-worker's own
 * force_unlock_workers(), so a `kill -9` delays those messages by seconds,
 * not hours. Dispatch is idempotent, so re-running them is safe.
 */
export async function reapDeadPools(): Promise<string[]> {
  const rows = await db.$queryRaw<{ locked_by: string }[]>(Prisma.sql`
    SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j
     WHERE j.locked_by IS NOT NULL
       AND j.locked_at < now() - make_interval(secs => ${DEAD_AFTER_MS / 1000})
       AND NOT EXISTS (SELECT 1 FROM pipeline_workers w
                        WHERE w.pool_id = j.locked_by
                          AND w.heartbeat_at > now() - make_interval(secs => ${DEAD_AFTER_MS / 1000}))`);
  const dead = rows.map((r) => r.locked_by);
  if (dead.length) {
    await db.$executeRaw(Prisma.sql`SELECT graphile_worker.force_unlock_workers(${dead}::text[])`);
    await db.$executeRaw(Prisma.sql`DELETE FROM pipeline_workers WHERE pool_id = ANY(${dead}::text[])`);
  }
  await db.$executeRaw(Prisma.sql`DELETE FROM pipeline_workers WHERE heartbeat_at < now() - interval '1 hour'`);
  return dead;
}
