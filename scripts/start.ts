/**
 * `npm start`: the console and API from the production build (built first
 * when missing or older than the sources); `npm run dev` (`--dev`) runs
 * Next's development server instead. Order (docs/operations.md "Starting
 * and stopping"): database (the data directory's embedded server by
 * default), migrations, first account, workers, link listener, Next on a
 * loopback port; the public port opens only once Next answers. SIGTERM or
 * SIGINT: stop taking requests, finish those in flight, stop Next, let the
 * workers release their jobs, stop the embedded database if this process started it.
 */
import { freeLoopbackPort, startFrontServer, type FrontServer } from "@/lib/server/api/front-server";
import { configOrExit, publicBaseUrl } from "@/lib/server/config";
import { localAuthSecret, localTokenKey, prepareDatabase } from "@/lib/server/db/prepare";
import { ensureProductionBuild, spawnNext, stopNext, waitForNext } from "./next-process";

const dev = process.argv.includes("--dev");
/** In-flight requests get this long to finish on shutdown. */
const DRAIN_MS = 10_000;
const startedAt = Date.now();

// What has started so far; a signal (or a failure) stops it in reverse order.
const steps: { name: string; stop: () => Promise<void> }[] = [];
let stopping = false;
async function shutdown(why: string, code: number) {
  if (stopping) return;
  stopping = true;
  console.log(`${why}: stopping (requests in flight get up to ${DRAIN_MS / 1000} s).`);
  for (const step of steps.reverse()) {
    await step.stop().catch((err: unknown) => console.error(`stopping ${step.name} failed:`, err));
  }
  console.log("Stopped.");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));

async function main() {
  // Validated before anything starts: a bad value stops here, naming the variable.
  const c = configOrExit();
  const port = String(c.PORT);
  if (!dev) await ensureProductionBuild(c.NEXT_DIST_DIR);

  const database = await prepareDatabase();
  const url = database.url;
  process.env.DATABASE_URL = url;
  if (database.embedded) {
    const e = database.embedded;
    console.log(`Embedded PostgreSQL for ${e.dataDir} on 127.0.0.1:${e.port} (${e.startedHere ? "started" : "already running, verified as this directory's"}).`);
  }
  if (database.migrations.applied.length) console.log(`Applied migrations: ${database.migrations.applied.join(", ")}`);

  steps.push({ name: "the embedded database", stop: database.stop });
  // Auth tokens are stored encrypted (docs/security.md "Secrets at rest"): without SWITCHYARD_TOKEN_KEY, the key
  // generated once into the data directory, which every process of this installation shares.
  process.env.SWITCHYARD_TOKEN_KEY ??= localTokenKey();

  const { seedFirstAccount } = await import("@/lib/server/services/accounts/seed-first-account");
  const seeded = await seedFirstAccount();
  if (seeded) {
    console.log("\nFirst account created (shown once):");
    console.log(`  Account SID: ${seeded.accountSid}`);
    console.log(`  Auth token:  ${seeded.authToken}`);
    console.log(`  Sign in:     ${seeded.email}${seeded.generatedPassword ? ` / ${seeded.generatedPassword}` : " (password from SWITCHYARD_ADMIN_PASSWORD)"}\n`);
  }
  // The send pipeline's workers run here, in the launcher, not inside Next
  // (Next may run several processes and reloads modules in dev). More can
  // run elsewhere with `npm run worker`; PIPELINE_WORKERS=0 disables these.
  // Next seals carrier passwords with this secret and the carrier runtime in these workers opens
  // them: both processes need the same one (docs/carriers.md "Secrets").
  process.env.NEXTAUTH_SECRET ??= localAuthSecret();
  if (c.PIPELINE_WORKERS > 0) {
    const { startPipelineWorkers } = await import("@/lib/server/pipeline/start-workers");
    const workers = await startPipelineWorkers({ connectionString: url });
    // graphile-worker's runner.stop lets running jobs finish and releases the rest for other workers.
    steps.push({ name: "the pipeline workers", stop: () => workers.stop() });
    console.log("Send pipeline workers started in the console process.");
  } else {
    const { getDb } = await import("@/lib/server/db/client");
    await getDb().$disconnect();
  }

  // Link domains (short links) are served by a dedicated node:http listener in this process
  // (docs/decisions.md "Link Shortening"): LINK_HTTP_PORT (default PORT + 1000), HTTPS on LINK_HTTPS_PORT when set.
  process.env.LINK_KEY_SECRET = c.LINK_KEY_SECRET ?? c.NEXTAUTH_SECRET ?? localAuthSecret();
  const { startLinkServer } = await import("@/lib/server/links/link-server");
  const links = await startLinkServer({
    connectionString: url,
    httpPort: c.LINK_HTTP_PORT ?? c.PORT + 1000,
    httpsPort: c.LINK_HTTPS_PORT,
  });
  steps.push({ name: "the link listener", stop: () => links.stop() });
  console.log(`Link domains served on :${links.httpPort}${links.httpsPort ? ` and https :${links.httpsPort}` : ""}.`);

  const publicBase = publicBaseUrl(c);
  const env = {
    ...process.env,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    PUBLIC_BASE_URL: publicBase,
    NEXTAUTH_URL: c.NEXTAUTH_URL ?? publicBase,
    NEXTAUTH_SECRET: c.NEXTAUTH_SECRET ?? localAuthSecret(),
  };
  // Next listens on loopback only; the front server on PORT answers POST Messages.json itself
  // (docs/decisions.md "Send pipeline throughput") and proxies everything else, websockets included.
  const nextPort = await freeLoopbackPort();
  const next = spawnNext({ dev, port: nextPort, env, ownGroup: true });
  steps.push({ name: "Next", stop: () => stopNext(next) });
  next.on("exit", (code) => void shutdown(`Next exited (code ${code})`, code || 1));
  await waitForNext(nextPort, next);
  // The public port opens only now: before this, a client gets "connection refused", never a 5xx.
  let front: FrontServer | undefined;
  if (!stopping) {
    front = await startFrontServer({ port: Number(port), nextPort });
    steps.push({ name: "the front server", stop: () => front!.stop({ graceMs: DRAIN_MS }) });
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`Switchyard ${dev ? "(development server) " : ""}on ${publicBase} (console and API; Next behind it on localhost:${nextPort}); ready in ${seconds} s.`);
}

main().catch((err: unknown) => {
  console.error(err);
  void shutdown("Start-up failed", 1);
});
