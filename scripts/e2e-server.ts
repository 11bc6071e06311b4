/**
 * The server Playwright tests run against: a fresh, migrated database
 * (`switchyard_e2e`) and the production build behind the front server on
 * E2E_PORT, as `npm start` runs them. Specs seed their own accounts
 * (e2e/fixtures), so nothing else is seeded here.
 */
import { freeLoopbackPort, startFrontServer } from "@/lib/server/api/front-server";
import { freshTestDatabase } from "@/lib/server/db/test-database";
import { spawnNext, stopNext, waitForNext } from "./next-process";

const port = process.env.E2E_PORT ?? "3100";
// Another port (a second checkout or engineer) gets its own database.
const url = await freshTestDatabase(port === "3100" ? "e2e" : `e2e${port}`);
const base = `http://localhost:${port}`;
// Send pipeline workers run in this launcher process, as in scripts/start.ts.
process.env.DATABASE_URL = url;
// The carrier runtime in these workers opens the secrets Next sealed: both processes need the same server secret.
process.env.NEXTAUTH_SECRET ??= "e2e-secret-not-for-production";
// HTTP upstreams post back to the URL Next serves (docs/carriers.md "HTTP upstream").
process.env.PUBLIC_BASE_URL ??= base;
// Specs' webhook receivers listen on loopback, which outgoing requests refuse by default (docs/security.md).
process.env.SWITCHYARD_WEBHOOK_ALLOW ??= "127.0.0.1,::1,localhost";
process.env.SWITCHYARD_TOKEN_KEY ??= "ZTJlLXRva2VuLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";
const { startPipelineWorkers } = await import("@/lib/server/pipeline/start-workers");
const workers = await startPipelineWorkers({ connectionString: url });
// Link domains: their own listener on E2E_PORT + 1000 (http) and + 2000 (https), so neighbouring E2E_PORTs never clash; quick certificate takeover.
process.env.LINK_KEY_SECRET ??= "e2e-link-key-secret";
process.env.LINK_CERT_VALIDATION_MS ??= "1500";
const { startLinkServer } = await import("@/lib/server/links/link-server");
const links = await startLinkServer({ connectionString: url, httpPort: Number(port) + 1000, httpsPort: Number(port) + 2000 });
const nextPort = await freeLoopbackPort();
const next = spawnNext({
  dev: false,
  port: nextPort,
  env: {
    ...process.env,
    DATABASE_URL: url,
    PORT: port,
    PUBLIC_BASE_URL: base,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
// The port opens once Next answers, as in scripts/start.ts.
await waitForNext(nextPort, next);
const front = await startFrontServer({ port: Number(port), nextPort });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await front.stop({ graceMs: 2000 }).catch(() => undefined);
  await stopNext(next);
  await workers.stop().catch(() => undefined);
  await links.stop().catch(() => undefined);
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
next.on("exit", (code) => {
  if (!stopping) process.exit(code ?? 0);
});
