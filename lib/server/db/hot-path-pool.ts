import pg from "pg";
import { databaseUrl } from "./client";
import { errFields, log } from "@/lib/server/observability/logger";

/**
 * A small pg pool for the group-committed statements of the send hot path
 * (create's check-and-insert), beside Prisma's. Two reasons, both measured
 * (docs/performance.md "Send pipeline"):
 * - The statement is a named prepared statement with a generic plan
 *   (plan_cache_mode=force_generic_plan on these connections): Postgres
 *   parsed and planned the multi-CTE statement on every batch (~0.9 ms),
 *   and graphile_worker.add_jobs re-planned its four inner statements on
 *   every call (~0.4 ms). Statistics changes (ANALYZE) still invalidate the
 *   cached plans, so they follow the data.
 * - Rows come back as pg parses them, without Prisma's per-query mapping.
 * Only this pool's sessions use generic plans; Prisma's keep Postgres' default.
 */
const globalForPool = globalThis as unknown as { hotPathPool?: pg.Pool };

export function hotPathPool(): pg.Pool {
  if (globalForPool.hotPathPool) return globalForPool.hotPathPool;
  // One statement runs at a time (coalesce maxInFlight 1); the second connection serves a failed batch's
  // rows retried one by one. allowExitOnIdle: idle connections do not keep a process alive.
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2, allowExitOnIdle: true, options: "-c plan_cache_mode=force_generic_plan" });
  pool.on("error", (err) => log.error(errFields(err), "hot path pool: idle connection failed"));
  globalForPool.hotPathPool = pool;
  return pool;
}
