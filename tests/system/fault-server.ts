/**
 * The fault test's server: what `npm start` runs in its launcher process for
 * the send path, without Next (tests/system/faults.test.ts kills this whole
 * process group): migrations, the first account, the pipeline's workers and
 * the front server, which answers `POST …/Messages.json` itself.
 * DATABASE_URL and PORT are set by the test.
 */
import { startFrontServer } from "@/lib/server/api/front-server";
import { prepareDatabase } from "@/lib/server/db/prepare";

async function main() {
  const { url } = await prepareDatabase();
  process.env.DATABASE_URL = url;
  const { seedFirstAccount } = await import("@/lib/server/services/accounts/seed-first-account");
  await seedFirstAccount();
  const { startPipelineWorkers } = await import("@/lib/server/pipeline/start-workers");
  await startPipelineWorkers({ connectionString: url });
  // Nothing listens on nextPort: only the create path is used, which the front server answers itself.
  await startFrontServer({ port: Number(process.env.PORT), host: "127.0.0.1", nextPort: Number(process.env.PORT) + 50 });
  console.log(`fault-server ready pid ${process.pid}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
