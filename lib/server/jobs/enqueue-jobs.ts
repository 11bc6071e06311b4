import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";

export interface JobSpec {
  task: string;
  payload: unknown;
  runAt: Date;
  maxAttempts: number;
  jobKey?: string;
}

/**
 * graphile_worker.add_jobs for concurrent callers in one statement (one
 * commit and one NOTIFY per batch instead of per job). add_jobs treats a
 * job key like add_job: a locked job with that key (the caller's own
 * running job) loses its key and its retries, and the new job replaces it.
 * Two jobs with one key never share a statement (keyOf).
 */
async function addJobs(specs: JobSpec[]): Promise<void[]> {
  const rows = specs.map((s) => ({ task: s.task, payload: s.payload, run_at: s.runAt.toISOString(), max_attempts: s.maxAttempts, job_key: s.jobKey ?? null }));
  await db.$queryRaw(Prisma.sql`
    SELECT count(*) FROM graphile_worker.add_jobs((
      SELECT array_agg(ROW(t.task, t.payload, NULL, t.run_at, t.max_attempts, t.job_key, NULL, NULL)::graphile_worker.job_spec)
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(task text, payload json, run_at timestamptz, max_attempts int, job_key text)))`);
  return specs.map(() => undefined);
}

let seq = 0;
export const enqueueJob = coalesce<JobSpec, void>({
  maxBatch: 500,
  maxInFlight: 2,
  run: addJobs,
  keyOf: (s) => s.jobKey ?? `#${seq++}`,
});
