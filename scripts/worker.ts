/**
 * A standalone send-pipeline worker: `npm run worker`. Run as many as you
 * like against one database; they share jobs without sending anything twice.
 * Uses DATABASE_URL, else the embedded server (started if needed).
 * WORKER_CONCURRENCY sets jobs in flight per process (default 32).
 */
import { localAuthSecret, prepareDatabase } from "@/lib/server/db/prepare";

async function main() {
  const { url } = await prepareDatabase();
  process.env.DATABASE_URL = url;
  // The carrier runtime opens secrets the console sealed: the same server secret as `npm start` (docs/carriers.md "Secrets").
  process.env.NEXTAUTH_SECRET ??= localAuthSecret();
  const { startPipelineWorkers } = await import("@/lib/server/pipeline/start-workers");
  const workers = await startPipelineWorkers({ connectionString: url });
  console.log(`Pipeline worker ${workers.poolId} running (pid ${process.pid})`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await workers.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
