import { EventEmitter } from "node:events";
import { run, type TaskList, type WorkerEvents } from "graphile-worker";
import pLimit from "p-limit";
import type { DeliveryReport } from "@/lib/carriers/driver";
import { getCarrierDriver } from "@/lib/carriers/get-carrier-driver";
import { startCarrierRuntime } from "@/lib/carriers/runtime/carrier-runtime";
import { carrierTasks } from "@/lib/carriers/runtime/settle-message";
import { db } from "@/lib/server/db/client";
import { linkTasks } from "@/lib/server/links/link-tasks";
import { RETENTION_CRONTAB, retentionTasks } from "@/lib/server/services/retention/retention-task";
import { applyDeliveryReport } from "./apply-delivery-report";
import { deliverStatusCallback } from "./deliver-status-callback";
import { dispatchMessage, type DispatchDeps, type DispatchPayload } from "./dispatch-message";
import { enqueueJob } from "./enqueue-jobs";
import { migrateQueueSchema, queueLogger } from "./queue-schema";
import { inboundMessageTask } from "./inbound-message-task";
import { DELIVERY_REPORT_TASK, DISPATCH_TASK, INBOUND_TASK, STATUS_CALLBACK_TASK } from "./task-names";
import { beat, forget, HEARTBEAT_MS, reapDeadPools } from "./worker-heartbeat";
import { config } from "@/lib/server/config";

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
  poolId: string;
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

const tasks: TaskList = {
  // A batch job (an array: the messages of one create statement) returns one promise per entry;
  // graphile-worker retries a job holding only the entries that rejected.
  [DISPATCH_TASK]: async (payload) =>
    Array.isArray(payload)
      ? (payload as DispatchPayload[]).map((p) => dispatchLimit(() => dispatchMessage(p, dispatchDeps)))
      : dispatchLimit(() => dispatchMessage(payload as DispatchPayload, dispatchDeps)),
  [DELIVERY_REPORT_TASK]: async (payload) => {
    const { sid, ...report } = payload as { sid: string } & DeliveryReport;
    await applyDeliveryReport(sid, report);
  },
  [STATUS_CALLBACK_TASK]: async (payload) => deliverStatusCallback(BigInt((payload as { id: string }).id)),
  [INBOUND_TASK]: inboundMessageTask,
  // Link shortening: click-event callbacks and certificate promotion.
  ...linkTasks,
  // Message log retention (docs/operations.md "Retention").
  ...retentionTasks,
  // Carrier connections: a message whose last report beat its hand-off write is settled later.
  ...carrierTasks,
};

/**
 * Runs the send pipeline's workers in this process: graphile-worker (jobs
 * locked with SKIP LOCKED, so any number of processes share the load), a
 * heartbeat, and the sweep that frees jobs held by dead processes.
 * The caller must have set DATABASE_URL (the services use the shared db client).
 */
export async function startPipelineWorkers(opts: WorkerOptions): Promise<PipelineWorkers> {
  await migrateQueueSchema(opts.connectionString);
  // The account's carrier connections live where the workers run (docs/carriers.md).
  const carriers = await startCarrierRuntime();
  const events: WorkerEvents = new EventEmitter() as WorkerEvents;
  let poolId = "";
  events.on("pool:create", ({ workerPool }) => {
    poolId = workerPool.id;
    void beat(poolId).catch(() => undefined);
  });
  const concurrency = opts.concurrency ?? config().WORKER_CONCURRENCY;
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
    crontab: RETENTION_CRONTAB,
    preset: {
      worker: {
        // Jobs are fetched (and locked to this pool) in batches, not one query per job.
        // Locked-but-unstarted jobs of a killed process are freed by the heartbeat sweep.
        localQueue: { size: concurrency, refetchDelay: { durationMs: 50 } },
        // Completions of 20 ms are one statement. A kill loses at most those: their jobs
        // run again after the sweep, and dispatch is idempotent (final messages are skipped).
        completeJobBatchDelay: 20,
        failJobBatchDelay: 20,
      },
    },
  });
  // Open the shared client's connections now: a connection opened on the hand-off path
  // (SCRAM auth) would add tens of ms between a rate slot and the carrier submit.
  await Promise.all(Array.from({ length: 6 }, () => db.$queryRaw`SELECT 1`)).catch(() => undefined);
  const timer = setInterval(() => {
    if (poolId) void beat(poolId).catch(() => undefined);
    void reapDeadPools().catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    get poolId() {
      return poolId;
    },
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await carriers.stop();
      if (poolId) await forget(poolId).catch(() => undefined);
    },
  };
}
