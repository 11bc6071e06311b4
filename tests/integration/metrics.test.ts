import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFrontServer, type FrontServer } from "@/lib/server/api/front-server";
import { db } from "@/lib/server/db/client";
import { log, tapLogs } from "@/lib/server/observability/logger";
import { startOpsServer, type OpsServer } from "@/lib/server/observability/ops-http";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { addLongCode, finalMessage, makeAccount, makeService, waitFor } from "./pipeline-fixtures";

/**
 * Health, readiness, metrics and logs of a process, through the same
 * listeners operators scrape: the front server (launcher) and the ops
 * server a worker-only process opens on METRICS_PORT.
 */
let front: FrontServer;
let ops: OpsServer;
let base: string;
let workers: PipelineWorkers | null = null;
const lines: string[] = [];
let untap: () => void;

beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  // No worker may look alive from an earlier file's run: this file decides when workers run.
  await db.$executeRaw`DELETE FROM pipeline_workers`;
  untap = tapLogs((l) => lines.push(l));
  log.level = "debug"; // the scan below covers everything written at the most verbose level used in production
  front = await startFrontServer({ port: 0, host: "127.0.0.1", nextPort: 9 }); // no Next: only the front server's own routes are used
  base = `http://127.0.0.1:${front.port}`;
  ops = await startOpsServer(0, "127.0.0.1");
});

afterAll(async () => {
  log.level = "info";
  untap();
  await workers?.stop();
  await front.stop();
  await ops.stop();
});

async function scrape(url = `${base}/metrics`): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of one sample line (name{labels} value), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name + "{")) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

describe("health and readiness", () => {
  it("/healthz answers while the process is up, on both listeners", async () => {
    for (const url of [`${base}/healthz`, `http://127.0.0.1:${ops.port}/healthz`]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    }
  });

  it("/readyz is 503 naming the workers check while no worker runs, 200 once this process runs workers", async () => {
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { checks: Record<string, { ok: boolean; detail?: string }> };
    expect(body.checks.database?.ok).toBe(true);
    expect(body.checks.migrations?.ok).toBe(true);
    expect(body.checks.workers).toMatchObject({ ok: false, detail: expect.stringContaining("heartbeat") });

    workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 8 });
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 10_000);
    const up = (await (await fetch(`http://127.0.0.1:${ops.port}/readyz`)).json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(up.status).toBe("ready");
    expect(Object.values(up.checks).every((c) => c.ok)).toBe(true);
  });

  it("/readyz is 503 when a migration of this build is not recorded", async () => {
    const [row] = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${row!.migration_name}`;
    try {
      const res = await fetch(`${base}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { checks: Record<string, { ok: boolean; detail?: string }> };
      expect(body.checks.migrations).toEqual({ ok: false, detail: `not applied: ${row!.migration_name}` });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${row!.migration_name}`;
    }
  });
});

describe("metrics", () => {
  it("counts creates, statuses by service and error code, create latency, and reads the queue from the database", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid, { mps: 50 });
    // Recipients under +1415666 fail at the simulated carrier with 30006.
    await db.simRule.create({ data: { accountSid: account.sid, prefix: "1415666", outcome: "undelivered", errorCode: 30006 } });
    const auth = "Basic " + Buffer.from(`${account.sid}:${account.authToken}`).toString("base64");
    const send = (to: string) =>
      fetch(`${base}/2010-04-01/Accounts/${account.sid}/Messages.json`, {
        method: "POST",
        headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded", "x-request-id": "req-metrics-1" },
        body: new URLSearchParams({ To: to, MessagingServiceSid: service.sid, Body: "metrics body 7f3a" }),
      });
    const ok = await send("+14155550199");
    expect(ok.status).toBe(201);
    expect(ok.headers.get("x-request-id")).toBe("req-metrics-1");
    const bad = await send("+14156660100");
    expect(bad.status).toBe(201);
    await finalMessage(((await ok.json()) as { sid: string }).sid);
    await finalMessage(((await bad.json()) as { sid: string }).sid);

    const text = await scrape();
    expect(sample(text, "switchyard_messages_created_total", { service: service.sid })).toBe(2);
    expect(sample(text, "switchyard_messages_status_total", { status: "sent", service: service.sid })).toBe(2);
    expect(sample(text, "switchyard_messages_status_total", { status: "delivered", service: service.sid })).toBe(1);
    expect(sample(text, "switchyard_messages_status_total", { status: "undelivered", service: service.sid, error_code: "30006" })).toBe(1);
    expect(sample(text, "switchyard_create_duration_seconds_count", { outcome: "created" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, "switchyard_dispatch_latency_seconds_count", { sender_type: "phone_number" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, "switchyard_http_requests_total", { route: "create_message", status: "2xx" })).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^switchyard_database_up 1$/m);
    expect(text).toMatch(/^switchyard_queue_oldest_due_seconds \d/m);
    // The long code just sent: it has a rate slot row, so its type is reported.
    expect(sample(text, "switchyard_sender_mps_busy_ratio", { sender_type: "long_code" })).toBeDefined();
    // A worker-only process's listener serves the same registry.
    expect(sample(await scrape(`http://127.0.0.1:${ops.port}/metrics`), "switchyard_messages_created_total", { service: service.sid })).toBe(2);
  });

  it("reports due jobs and the oldest one's age", async () => {
    await workers?.stop();
    workers = null;
    await db.$executeRaw`SELECT graphile_worker.add_job('metrics_probe', '{}'::json, run_at => now() - interval '30 seconds')`;
    try {
      const text = await scrape();
      expect(sample(text, "switchyard_queue_jobs", { task: "metrics_probe", state: "ready" })).toBe(1);
      const age = Number(/^switchyard_queue_oldest_due_seconds (\S+)$/m.exec(text)?.[1]);
      expect(age).toBeGreaterThanOrEqual(29);
    } finally {
      await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'metrics_probe')`;
    }
  });

  it("asks for the bearer token when METRICS_TOKEN is set", async () => {
    process.env.METRICS_TOKEN = "scrape-token-1";
    try {
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer scrape-token-1" } })).status).toBe(200);
    } finally {
      delete process.env.METRICS_TOKEN;
    }
  });
});

describe("logs", () => {
  it("are JSON lines with the request id, and carry no credential or message body even at debug", async () => {
    const account = await makeAccount();
    const auth = "Basic " + Buffer.from(`${account.sid}:${account.authToken}`).toString("base64");
    // A request that fails inside (unknown service: an API error is logged) and one that is logged with its id.
    await fetch(`${base}/2010-04-01/Accounts/${account.sid}/Messages.json`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded", "x-request-id": "req-logs-2" },
      body: new URLSearchParams({ To: "+14155550123", MessagingServiceSid: "MG" + "0".repeat(32), Body: "log scan body 91c2" }),
    });
    // What a careless caller might pass: the redaction config must blank it.
    log.info({ headers: { authorization: auth }, password: "hunter2-pw", body: "log scan body 91c2", token: account.authToken }, "careless line");
    const text = lines.join("");
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.some((l) => l.requestId === "req-logs-2" && l.path === `/2010-04-01/Accounts/${account.sid}/Messages.json`)).toBe(true);
    expect(parsed.some((l) => l.msg === "careless line" && l.password === "[redacted]")).toBe(true);
    for (const secret of [account.authToken, auth, "hunter2-pw", "log scan body 91c2", "metrics body 7f3a"]) expect(text).not.toContain(secret);
  });
});
