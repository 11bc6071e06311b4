/**
 * A standalone send-pipeline worker: `npm run worker`. Run as many as you
 * like against one database; they share jobs without sending anything twice.
 * Uses DATABASE_URL, else the embedded server (started if needed).
 * WORKER_CONCURRENCY sets jobs in flight per process (default 32).
 * METRICS_PORT serves this process's /metrics, /healthz and /readyz.
 */
import { configOrExit } from "@/lib/server/config";
import { localAuthSecret, localTokenKey, prepareDatabase } from "@/lib/server/db/prepare";
import { errFields, log } from "@/lib/server/observability/logger";
import { metricsHost, metricsPort } from "@/lib/server/observability/ops-env";

async function main() {
  configOrExit();
  const { url } = await prepareDatabase();
  process.env.DATABASE_URL = url;
  // Auth tokens are stored encrypted (docs/security.md "Secrets at rest"): without SWITCHYARD_TOKEN_KEY, the key
  // generated once into the data directory, which every process of this installation shares.
  process.env.SWITCHYARD_TOKEN_KEY ??= localTokenKey();
  // The carrier runtime opens secrets the console sealed: the same server secret as `npm start` (docs/carriers.md "Secrets").
  process.env.NEXTAUTH_SECRET ??= localAuthSecret();
  const { startPipelineWorkers } = await import("@/lib/server/pipeline/start-workers");
  const workers = await startPipelineWorkers({ connectionString: url });
  log.info({ poolId: workers.poolId }, "pipeline worker running");
  const port = metricsPort();
  const { startOpsServer } = await import("@/lib/server/observability/ops-http");
  const ops = port === null ? null : await startOpsServer(port, metricsHost());
  if (ops) log.info({ port: ops.port }, "metrics, healthz and readyz served");
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await ops?.stop();
    await workers.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

main().catch((err) => {
  log.fatal(errFields(err), "worker failed to start");
  process.exit(1);
});
