import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CarrierDriver } from "@/lib/carriers/driver";
import { simulatorDriver } from "@/lib/carriers/simulator/simulator-driver";
import { Prisma } from "@/lib/generated/prisma/client";
import { postMessage } from "@/lib/server/api/messages/post-message";
import { errorResult } from "@/lib/server/api/respond";
import { db } from "@/lib/server/db/client";
import { dispatchMessage, HandOffBusy, type DispatchDeps } from "@/lib/server/pipeline/dispatch-message";
import { enqueueJob } from "@/lib/server/jobs/enqueue-jobs";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { DISPATCH_TASK } from "@/lib/server/jobs/task-names";
import { DEAD_AFTER_MS, reapDeadPools } from "@/lib/server/pipeline/worker-heartbeat";
import { LIVENESS_APP_PREFIX } from "@/lib/server/pipeline/worker-liveness";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addLongCode, makeAccount, makeService, statusesOf } from "./pipeline-fixtures";

/** Issue #16 (docs/reliability.md): the hand-off guard, the crash rule, one live job per message, the reaper, idempotent creates, 503. */
const url = () => process.env.DATABASE_URL as string;
const deps = (driver: CarrierDriver = simulatorDriver): DispatchDeps => ({
  driver,
  reschedule: (payload, runAt) => enqueueJob({ task: DISPATCH_TASK, payload, runAt, jobKey: payload.sid, maxAttempts: 25 }),
});
const submits = async (sid: string) => (await db.simDelivery.findUnique({ where: { messageSid: sid } }))?.submitCount ?? 0;
/** A connection that makes a worker process look alive (worker-liveness.ts). */
const holders: pg.Client[] = [];
async function liveProcess(processId: string) {
  const c = new pg.Client({ connectionString: url(), application_name: `${LIVENESS_APP_PREFIX}${processId}` });
  await c.connect();
  holders.push(c);
}

beforeAll(async () => {
  await migrateQueueSchema(url());
});
afterAll(async () => {
  for (const c of holders) await c.end();
});

async function setup() {
  const account = await makeAccount();
  const service = await makeService(account.sid);
  // 100 mps: slots are 10 ms apart, every dispatch here waits in-process.
  await addLongCode(account.sid, service.sid, { mps: 100 });
  const send = (i: number) => createMessage(account.sid, { to: `+1415666${String(1000 + i).padStart(4, "0")}`, messagingServiceSid: service.sid, body: `fault ${i}` });
  return { account, service, send };
}

describe("at most one hand-off per message", () => {
  it("two attempts at once: one claims the hand-off, the other leaves it", async () => {
    const { send } = await setup();
    const m = await send(1);
    const outcomes = await Promise.allSettled([dispatchMessage({ sid: m.sid }, deps()), dispatchMessage({ sid: m.sid }, deps())]);
    // The loser's job fails (HandOffBusy) and is retried later, when the message is final.
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: expect.any(HandOffBusy) });
    expect(await submits(m.sid)).toBe(1);
    expect(await statusesOf(m.sid)).toEqual(["accepted", "queued", "sending", "sent", "delivered"]);
  });

  it("a claim left by a dead process: the simulator hands the SID off again, a driver that cannot take it twice fails 30008", async () => {
    const { send } = await setup();
    const [a, b] = [await send(2), await send(3)];
    // What a process killed between its claim and its outcome leaves behind (its liveness connection is gone).
    await db.dispatchClaim.createMany({ data: [a, b].map((m) => ({ messageSid: m.sid, token: "0000dead0000dead:7" })) });
    await dispatchMessage({ sid: a.sid }, deps());
    expect((await db.message.findUniqueOrThrow({ where: { sid: a.sid } })).status).toBe("delivered");
    expect(await submits(a.sid)).toBe(1);

    const smpp: CarrierDriver = { ...simulatorDriver, name: "no-resubmit", resubmitAfterCrash: async () => false };
    await dispatchMessage({ sid: b.sid }, deps(smpp));
    const failed = await db.message.findUniqueOrThrow({ where: { sid: b.sid } });
    expect(failed.status).toBe("failed");
    expect(failed.errorCode).toBe(30008);
    expect(await statusesOf(b.sid)).toEqual(["accepted", "queued", "sending", "failed"]);
    expect(await submits(b.sid)).toBe(0);
  });

  it("a claim held by a live process is left to it: the job fails and is retried later", async () => {
    const { send } = await setup();
    const m = await send(4);
    await liveProcess("feedface0000beef");
    await db.dispatchClaim.create({ data: { messageSid: m.sid, token: "feedface0000beef:1" } });
    await expect(dispatchMessage({ sid: m.sid }, deps())).rejects.toBeInstanceOf(HandOffBusy);
    expect(await submits(m.sid)).toBe(0);
    expect((await db.message.findUniqueOrThrow({ where: { sid: m.sid } })).status).toBe("accepted");
  });

  it("one live job per message: a message with its own keyed job is left alone by any other job", async () => {
    const { send } = await setup();
    const m = await send(5);
    await enqueueJob({ task: DISPATCH_TASK, payload: { sid: m.sid }, runAt: new Date(Date.now() + 3_600_000), jobKey: m.sid, maxAttempts: 25 });
    const [job] = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id::text FROM graphile_worker._private_jobs WHERE key = ${m.sid}`);
    // The create's batch job (another id) re-run after a crash:
    await dispatchMessage({ sid: m.sid }, deps(), { jobId: "1" });
    expect(await submits(m.sid)).toBe(0);
    await dispatchMessage({ sid: m.sid }, deps(), { jobId: job!.id });
    expect(await submits(m.sid)).toBe(1);
  });
});

describe("the sweep", () => {
  it("frees the jobs of a pool whose process is gone, after it stayed gone DEAD_AFTER_MS, and never a live process's", async () => {
    await liveProcess("a11ve0000000a11e");
    await db.$executeRaw(Prisma.sql`INSERT INTO pipeline_workers (pool_id, hostname, pid, process_id) VALUES
      ('pool-test-dead', 'h', 1, 'd1ed00000000d1ed'), ('pool-test-live', 'h', 2, 'a11ve0000000a11e')`);
    const ids: string[] = [];
    for (const pool of ["pool-test-dead", "pool-test-live"]) {
      const [j] = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT (graphile_worker.add_job('noop-test', '{}'::json, run_at => now() + interval '1 hour')).id::text AS id`);
      await db.$executeRaw(Prisma.sql`UPDATE graphile_worker._private_jobs SET locked_by = ${pool}, locked_at = now() WHERE id = ${j!.id}::bigint`);
      ids.push(j!.id);
    }
    const lockedBy = async () =>
      (await db.$queryRaw<{ locked_by: string | null }[]>(Prisma.sql`SELECT locked_by FROM graphile_worker._private_jobs WHERE id = ANY(${ids}::bigint[]) ORDER BY id`)).map((r) => r.locked_by);
    expect(await reapDeadPools()).toEqual([]); // seen dead once: not yet
    await new Promise((r) => setTimeout(r, DEAD_AFTER_MS + 100));
    expect(await reapDeadPools()).toEqual(["pool-test-dead"]);
    expect(await lockedBy()).toEqual([null, "pool-test-live"]);
    await db.$executeRaw(Prisma.sql`DELETE FROM graphile_worker._private_jobs WHERE id = ANY(${ids}::bigint[])`);
  }, 20_000);
});

describe("Messages create with an idempotency key", () => {
  it("a retried create answers the first message; the key is per account; Idempotency-Key works too", async () => {
    const { account, service } = await setup();
    const other = await setup();
    const auth = (acc: { sid: string; authToken: string }) => `Basic ${Buffer.from(`${acc.sid}:${acc.authToken}`).toString("base64")}`;
    const request = (acc: { sid: string; authToken: string }, headers: Record<string, string>, form: Record<string, string>) =>
      postMessage({ headers: { get: (n) => ({ authorization: auth(acc), "content-type": "application/x-www-form-urlencoded", ...headers })[n.toLowerCase()] ?? null }, text: async () => new URLSearchParams(form).toString() }, acc.sid);
    const form = { To: "+14156667777", MessagingServiceSid: service.sid, Body: "once" };
    const [first, again, concurrent] = await Promise.all([
      request(account, { "i-twilio-idempotency-token": "retry-1" }, form),
      request(account, { "i-twilio-idempotency-token": "retry-1" }, form),
      request(account, { "i-twilio-idempotency-token": "retry-1" }, form),
    ]);
    const sidOf = (r: { body: unknown }) => (r.body as { sid: string }).sid;
    expect(first.status).toBe(201);
    expect(new Set([sidOf(first), sidOf(again), sidOf(concurrent)]).size).toBe(1);
    expect(await db.message.count({ where: { accountSid: account.sid, body: "once" } })).toBe(1);
    const later = await request(account, { "idempotency-key": "retry-1" }, form);
    expect(sidOf(later)).toBe(sidOf(first));
    const fresh = await request(account, { "idempotency-key": "retry-2" }, form);
    expect(sidOf(fresh)).not.toBe(sidOf(first));
    const otherAccount = await request(other.account, { "idempotency-key": "retry-1" }, { ...form, MessagingServiceSid: other.service.sid });
    expect(sidOf(otherAccount)).not.toBe(sidOf(first));
  });
});

describe("database unavailable", () => {
  it("is Twilio's 20503 with Retry-After, not a 500", async () => {
    const client = new pg.Client({ connectionString: "postgresql://x:y@127.0.0.1:1/none" });
    const err = await client.connect().then(() => null, (e: unknown) => e);
    const result = errorResult(err);
    expect(result.status).toBe(503);
    expect(result.headers?.["retry-after"]).toBe("1");
    expect(result.body).toMatchObject({ code: 20503, status: 503 });
    expect(errorResult(new Error("boom")).status).toBe(500);
  });
});
