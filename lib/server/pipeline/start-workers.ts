import { EventEmitter } from "node:events";
import { run, type Job, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import pLimit from "p-limit";
import type { DeliveryReport } from "@/lib/carriers/driver";
import { getCarrierDriver } from "@/lib/carriers/get-carrier-driver";
import { startCarrierRuntime } from "@/lib/carriers/runtime/carrier-runtime";
import { CARRIER_SETTLE_CRONTAB, CARRIER_SETTLE_SWEEP_TASK, carrierTasks } from "@/lib/carriers/runtime/settle-message";
import { config } from "@/lib/server/config";
import { noteWorkersStopped } from "@/lib/server/observability/health";
import { db } from "@/lib/server/db/client";
import { linkTasks } from "@/lib/server/links/link-tasks";
import { INSIGHTS_CRONTAB, insightsTasks } from "@/lib/server/services/insights/compact-rollups";
import { RETENTION_CRONTAB, retentionTasks } from "@/lib/server/services/retention/retention-task";
import { applyDeliveryReport } from "./apply-delivery-report";
import { deliverStatusCallback } from "./deliver-status-callback";
import { dispatchMessage, type DispatchDeps, type DispatchPayload, type DispatchRun } from "./dispatch-message";
import { isDatabaseUnavailable } from "@/lib/server/db/database-unavailable";
import { waitForDatabase } from "@/lib/server/db/wait-for-database";
import { enqueueJob } from "@/lib/server/jobs/enqueue-jobs";
import { migrateQueueSchema, queueLogger } from "./queue-schema";
import { inboundMessageTask } from "./inbound-message-task";
import { DELIVERY_REPORT_TASK, DISPATCH_TASK, INBOUND_TASK, STATUS_CALLBACK_TASK } from "@/lib/server/jobs/task-names";
import { beatWorkerPool, forgetWorkerPool, HEARTBEAT_MS, reapDeadPools, unlockOwnPool } from "./worker-heartbeat";
import { holdLiveness } from "./worker-liveness";
import { pruneClaims } from "./claim-hand-off";
import { pruneIdempotencyKeys } from "@/lib/server/services/messages/prune-idempotency-keys";

export interface WorkerOptions {
  connectionString: string;
  /**
   * Jobs run at once in this process (default 256; a dispatch job may hold many messages, whose
   * dispatches DISPATCH_CONCURRENCY bounds): a dispatch mostly waits (for a batched statement or
   * its rate slot), and concurrent dispatches share statements, so more in flight means bigger
   * batches, not more connections.
   */
  concurrency?: number;
  /** How often future jobs (rate-limit reschedules, delivery reports, retries) are looked for. */
  pollInterval?: number;
}

export interface PipelineWorkers {
  /** The running pool ("" while a stopped one is being replaced). */
  readonly poolId: string;
  /** Pools that stopped by themselves and were replaced. */
  readonly replacements: number;
  stop(): Promise<void>;
}

const dispatchDeps: DispatchDeps = {
  driver: getCarrierDriver(),
  reschedule: async (payload, runAt) => {
    // Same job key: while this job is locked, graphile-worker creates the new job and retires this one's key.
    await enqueueJob({ task: DISPATCH_TASK, payload, runAt, jobKey: payload.sid, maxAttempts: 25 });
  },
};

/**
 * Messages dispatched at once in this process. Jobs are batches of any size, so the job
 * concurrency no longer bounds them: without this, a backlog would have every message
 * reserve a rate slot at once, most of them seconds ahead, and be rescheduled.
 */
const dispatchLimit = pLimit(config().DISPATCH_CONCURRENCY);

/** Per pool of this process, the tasks it started that have not settled: a stopped pool's jobs are freed after them. */
const inFlight = new Map<string, Set<Promise<unknown>>>();

function track<T>(job: Job, work: Promise<T>): Promise<T> {
  const pool = job.locked_by ?? "";
  let set = inFlight.get(pool);
  if (!set) inFlight.set(pool, (set = new Set()));
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  set.add(settled);
  void settled.then(() => set.delete(settled));
  return work;
}

/**
 * A dispatch that failed because the database went away waits for it (up to 30 s) and runs
 * once more, instead of failing its job: graphile-worker's retry backoff (e, e², e³ s…) would hold those
 * messages for tens of seconds after the database is back. The re-run is a new attempt, so a hand-off the
 * failed one may have made is handled by the crash rule (docs/reliability.md).
 */
async function dispatchThroughOutage(p: DispatchPayload, run: DispatchRun): Promise<void> {
  try {
    await dispatchMessage(p, dispatchDeps, run);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    if (!(await waitForDatabase())) throw err;
    await dispatchMessage(p, dispatchDeps, run);
  }
}

const tasks: TaskList = {
  // A batch job (an array: the messages of one create statement) returns one promise per entry;
  // graphile-worker retries a job holding only the entries that rejected.
  [DISPATCH_TASK]: async (payload, helpers) => {
    const run = { jobId: helpers.job.id };
    if (!Array.isArray(payload)) return track(helpers.job, dispatchLimit(() => dispatchThroughOutage(payload as DispatchPayload, run)));
    const entries = (payload as DispatchPayload[]).map((p) => dispatchLimit(() => dispatchThroughOutage(p, run)));
    void track(helpers.job, Promise.allSettled(entries));
    return entries;
  },
  [DELIVERY_REPORT_TASK]: async (payload, helpers) => {
    const { sid, ...report } = payload as { sid: string } & DeliveryReport;
    await track(helpers.job, applyDeliveryReport(sid, report));
  },
  [STATUS_CALLBACK_TASK]: async (payload, helpers) => track(helpers.job, deliverStatusCallback(BigInt((payload as { id: string }).id))),
  [INBOUND_TASK]: inboundMessageTask,
  // Link shortening: click-event callbacks and certificate promotion.
  ...linkTasks,
  // Message log retention (docs/operations.md "Retention").
  ...retentionTasks,
  // Messaging Insights: fold the rollups' shards of closed hours (docs/insights.md).
  ...insightsTasks,
  // Carrier connections: a message whose last report beat its hand-off write is settled later.
  ...carrierTasks,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long a stopped pool's running tasks may take before its jobs are freed anyway. */
const SETTLE_LIMIT_MS = 60_000;

/**
 * graphile-worker 0.17 rejects a promise nobody handles when its local queue, already released
 * because the pool is going down, fails to hand its unstarted jobs back (the database is gone):
 * Node would exit on it. Those jobs stay locked by the stopped pool and freeStoppedPool() frees
 * them, so that one rejection is logged; any other unhandled rejection still ends the process.
 */
let rejectionGuard = false;
function guardLocalQueueRejection(): void {
  if (rejectionGuard) return;
  rejectionGuard = true;
  process.on("unhandledRejection", (reason) => {
    if (reason instanceof Error && reason.message.startsWith("Error occurred whilst returning jobs from local queue")) {
      console.error(`pipeline: ${reason.message} (the stopped pool's jobs are freed once its tasks settle)`);
      return;
    }
    throw reason;
  });
}

/** Retries `fn` (the database may be down) with a backoff capped at 1 s, until it succeeds or `give up` says so. */
async function retry(fn: () => Promise<void>, giveUp: () => boolean): Promise<boolean> {
  for (let delay = 100; !giveUp(); delay = Math.min(delay * 2, 1_000)) {
    try {
      await fn();
      return true;
    } catch {
      await sleep(delay);
    }
  }
  return false;
}

/**
 * Runs the send pipeline's workers in this process: a graphile-worker pool
 * (jobs locked with SKIP LOCKED, so any number of processes share the load),
 * this process's liveness connection, and the sweep that frees jobs held by
 * dead processes. A pool that stops by itself (graphile-worker gives up on a
 * pool whose batched job completions failed, e.g. while the database
 * restarts) is replaced at once, retrying until the database answers, and
 * its locked jobs are freed once the tasks it started have settled, so a
 * message never has two live jobs (docs/reliability.md).
 * The caller must have set DATABASE_URL (the services use the shared db client).
 */
export async function startPipelineWorkers(opts: WorkerOptions): Promise<PipelineWorkers> {
  await migrateQueueSchema(opts.connectionString);
  guardLocalQueueRejection();
  const liveness = holdLiveness(opts.connectionString);
  // Registered pools must look alive to other processes' sweeps from the start (the database is up: we migrated).
  await liveness.connected;
  // The account's carrier connections live where the workers run (docs/carriers.md).
  const carriers = await startCarrierRuntime();
  const concurrency = opts.concurrency ?? config().WORKER_CONCURRENCY;
  let stopping = false;
  let current: { runner: Runner; poolId: string } | null = null;
  /** Pools of this process whose jobs may still be locked (the live one and stopped ones not yet freed). */
  const ownPools = new Set<string>();
  let replacements = 0;

  /** A stopped pool's jobs go back to the queue after its running tasks settle (they may still hand off). */
  const freeStoppedPool = async (poolId: string) => {
    // Bounded: a task that never settles must not hold its pool's other jobs forever.
    await Promise.race([Promise.allSettled([...(inFlight.get(poolId) ?? [])]), sleep(SETTLE_LIMIT_MS)]);
    await retry(() => unlockOwnPool(poolId), () => stopping);
    inFlight.delete(poolId);
    ownPools.delete(poolId);
  };

  const startRunner = async (): Promise<void> => {
    let poolId = "";
    const events: WorkerEvents = new EventEmitter() as WorkerEvents;
    events.on("pool:create", ({ workerPool }) => {
      poolId = workerPool.id;
      ownPools.add(poolId);
      void beatWorkerPool(poolId).catch(() => undefined);
    });
    const runner = await run({
      connectionString: opts.connectionString,
      concurrency,
      // graphile-worker warns when this is below concurrency. pg opens connections lazily and,
      // with the local queue and batched completion below, the pool uses a handful (fetch,
      // complete, fail, LISTEN), so this is a ceiling, not what is opened.
      maxPoolSize: concurrency,
      pollInterval: opts.pollInterval ?? 250,
      noHandleSignals: true,
      logger: queueLogger,
      events,
      taskList: tasks,
      crontab: `${RETENTION_CRONTAB}\n${INSIGHTS_CRONTAB}\n${CARRIER_SETTLE_CRONTAB}`,
      preset: {
        worker: {
          // Jobs are fetched (and locked to this pool) in batches, not one query per job.
          // Locked-but-unstarted jobs of a killed process are freed by the sweep.
          localQueue: { size: concurrency, refetchDelay: { durationMs: 50 } },
          // Completions of 20 ms are one statement. A kill loses at most those: their jobs
          // run again after the sweep, and dispatch is idempotent (final messages are skipped).
          completeJobBatchDelay: 20,
          failJobBatchDelay: 20,
        },
      },
    }).catch(async (err: unknown) => {
      if (poolId) void freeStoppedPool(poolId);
      throw err;
    });
    current = { runner, poolId };
    // A process that starts after a kill settles what the killed one recorded but did not apply,
    // without waiting for the minute's sweep (docs/carriers.md "Delivery reports and parts").
    void enqueueJob({ task: CARRIER_SETTLE_SWEEP_TASK, payload: {}, runAt: new Date(Date.now() + 4_000), maxAttempts: 3, jobKey: `${CARRIER_SETTLE_SWEEP_TASK}:start` }).catch(() => undefined);
    let replaced = false;
    const stopped = (reason: unknown) => {
      if (current?.runner === runner) current = null;
      if (stopping || replaced) return;
      replaced = true;
      replacements++;
      console.error(`pipeline: worker pool ${poolId} stopped (${reason instanceof Error ? reason.message : "exited"}); starting a new one`);
      void freeStoppedPool(poolId);
      void retry(startRunner, () => stopping);
    };
    runner.promise.then(() => stopped(null), stopped);
    // A pool that starts shutting down by itself (e.g. "Could not completeJobs; queue is in an inconsistent
    // state") fetches nothing more, but its promise may take long to settle, or never (its local queue cannot
    // hand jobs back to a database that is gone): replace it at once.
    events.on("pool:gracefulShutdown", ({ message }) => {
      if (!stopping) stopped(new Error(message));
    });
  };

  await startRunner();
  // Open the shared client's connections now: a connection opened on the hand-off path
  // (SCRAM auth) would add tens of ms between a rate slot and the carrier submit.
  await Promise.all(Array.from({ length: 6 }, () => db.$queryRaw`SELECT 1`)).catch(() => undefined);
  let sweeps = 0;
  // The first sweep at once: a restarted server frees its killed predecessor's jobs without waiting.
  void reapDeadPools([...ownPools]).catch(() => undefined);
  const timer = setInterval(() => {
    // Only the running pool beats: a stopped pool's row must not look alive.
    if (current?.poolId) void beatWorkerPool(current.poolId).catch(() => undefined);
    void reapDeadPools([...ownPools]).catch(() => undefined);
    if (++sweeps % 10 === 0) void pruneClaims().catch(() => undefined);
    if (sweeps % 600 === 0) void pruneIdempotencyKeys().catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    get poolId() {
      return current?.poolId ?? "";
    },
    get replacements() {
      return replacements;
    },
    async stop() {
      stopping = true;
      noteWorkersStopped(); // /readyz: this process runs no workers any more
      clearInterval(timer);
      const c = current;
      current = null;
      if (c) {
        await c.runner.stop();
        await forgetWorkerPool(c.poolId).catch(() => undefined);
      }
      await carriers.stop();
      await liveness.stop();
    },
  };
}
