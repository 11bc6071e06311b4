import type { TaskList } from "graphile-worker";
import { runRetentionPurge } from "./purge-expired-messages";

export const RETENTION_TASK = "retention-purge";

/**
 * Every 10 minutes, on one worker process only (graphile-worker's crontab
 * records each run in the database, so N worker processes still run it once);
 * a run that spends its budget queues the next one at once (one at a time: job key).
 */
export const RETENTION_CRONTAB = `*/10 * * * * ${RETENTION_TASK} ?max=3&jobKey=${RETENTION_TASK}`;

export const retentionTasks: TaskList = {
  [RETENTION_TASK]: async (_payload, helpers) =>
    runRetentionPurge(async () => {
      await helpers.addJob(RETENTION_TASK, {}, { jobKey: `${RETENTION_TASK}-more`, maxAttempts: 3 });
    }),
};
