// No "server-only" here: the worker processes (plain Node, not Next) import this task.
import type { TaskList } from "graphile-worker";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

export const INSIGHTS_COMPACT_TASK = "insights-compact";

/** Hours older than this are closed: transitions of their messages are rare, so their shards are folded. */
export const COMPACT_AFTER_HOURS = 2;

/** Hourly, on one worker process (graphile-worker's crontab runs it once whatever the number of processes). */
export const INSIGHTS_CRONTAB = `17 * * * * ${INSIGHTS_COMPACT_TASK} ?max=3&jobKey=${INSIGHTS_COMPACT_TASK}`;

/** Folds the rollups' shards of closed hours into one row per key (docs/insights.md "Hot rows"); returns the keys written. */
export async function compactRollups(now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - COMPACT_AFTER_HOURS * 3_600_000);
  const [row] = await db.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT insight_compact(${before}::timestamp) AS n`);
  return Number(row?.n ?? 0);
}

export const insightsTasks: TaskList = {
  [INSIGHTS_COMPACT_TASK]: async () => {
    await compactRollups();
  },
};
