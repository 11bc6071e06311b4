/**
 * The server Playwright tests run against: a fresh, migrated database
 * (`switchyard_e2e`) and the production build behind the front server on
 * E2E_PORT, as `npm start` runs them. Specs seed their own accounts
 * (e2e/fixtures), so nothing else is seeded here.
 */
import { spawn } from "node:child_process";
import { freeLoopbackPort, startFrontServer } from "@/lib/server/api/front-server";
import { freshTestDatabase } from "@/lib/server/db/test-database";

const port = process.env.E2E_PORT ?? "3100";
// Another port (a second checkout or engineer) gets its own database.
const url = await freshTestDatabase(port === "3100" ? "e2e" : `e2e${port}`);
const base = `http://localhost:${port}`;
// Send pipeline workers run in this launcher process, as in scripts/start.ts.
process.env.DATABASE_URL = url;
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
const next = spawn("npx", ["next", "start", "-p", String(nextPort), "-H", "localhost"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: url,
    PORT: port,
    PUBLIC_BASE_URL: base,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
const front = await startFrontServer({ port: Number(port), nextPort });
const stop = () => {
  next.kill("SIGTERM");
  void front.stop().catch(() => undefined);
  void workers.stop().catch(() => undefined);
  void links.stop().catch(() => undefined);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
next.on("exit", (code) => process.exit(code ?? 0));
