/**
 * Starts the console: database (embedded by default), migrations, first
 * account, then the front server on PORT (the send hot path itself, the rest
 * proxied to Next.js on a loopback port). `--prod` serves the production build.
 */
import { spawn } from "node:child_process";
import { freeLoopbackPort, startFrontServer } from "@/lib/server/api/front-server";
import { localAuthSecret, prepareDatabase } from "@/lib/server/db/prepare";

const prod = process.argv.includes("--prod");
const port = process.env.PORT ?? "3000";

async function main() {
  const { url, stop, migrations } = await prepareDatabase();
  process.env.DATABASE_URL = url;
  if (migrations.applied.length) console.log(`Applied migrations: ${migrations.applied.join(", ")}`);

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
  // HTTP upstreams post status callbacks back to the URL Next serves (docs/carriers.md "HTTP upstream").
  process.env.PUBLIC_BASE_URL ??= `http://localhost:${port}`;
  let workers: { stop(): Promise<void> } | undefined;
  if (process.env.PIPELINE_WORKERS !== "0") {
    const { startPipelineWorkers } = await import("@/lib/server/pipeline/start-workers");
    workers = await startPipelineWorkers({ connectionString: url });
    console.log("Send pipeline workers started in the console process.");
  } else {
    const { getDb } = await import("@/lib/server/db/client");
    await getDb().$disconnect();
  }

  // Link domains (short links) are served by a dedicated node:http listener in this process
  // (docs/decisions.md "Link Shortening"): LINK_HTTP_PORT (default PORT + 1000), HTTPS on LINK_HTTPS_PORT when set.
  process.env.LINK_KEY_SECRET ??= process.env.NEXTAUTH_SECRET ?? localAuthSecret();
  const { startLinkServer } = await import("@/lib/server/links/link-server");
  const links = await startLinkServer({
    connectionString: url,
    httpPort: Number(process.env.LINK_HTTP_PORT ?? Number(port) + 1000),
    httpsPort: process.env.LINK_HTTPS_PORT ? Number(process.env.LINK_HTTPS_PORT) : undefined,
  });
  console.log(`Link domains served on :${links.httpPort}${links.httpsPort ? ` and https :${links.httpsPort}` : ""}.`);

  const publicBase = process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    PUBLIC_BASE_URL: publicBase,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? publicBase,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localAuthSecret(),
  };
  // Next listens on loopback only; the front server on PORT answers POST Messages.json itself
  // (docs/decisions.md "Send pipeline throughput") and proxies everything else, websockets included.
  const nextPort = await freeLoopbackPort();
  const next = spawn("npx", ["next", prod ? "start" : "dev", "-p", String(nextPort), "-H", "localhost"], { stdio: "inherit", env });
  const front = await startFrontServer({ port: Number(port), nextPort });
  console.log(`Switchyard on ${publicBase} (console and API; Next behind it on localhost:${nextPort}).`);
  const shutdown = () => next.kill("SIGTERM");
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await front.stop().catch(() => undefined);
    await workers?.stop().catch(() => undefined);
    await links.stop().catch(() => undefined);
    await stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
