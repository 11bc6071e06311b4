import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addShortCode, makeAccount, makeService, waitFor } from "./pipeline-fixtures";

/**
 * Worker processes share the queue; one is killed with SIGKILL while 240
 * messages flow. Nothing may be lost (every message reaches a final status)
 * and nothing duplicated (one carrier record and one final event per message).
 */
const children: ChildProcess[] = [];

function spawnWorker(): ChildProcess {
  const child = spawn("npx", ["tsx", "scripts/worker.ts"], {
    env: { ...process.env, WORKER_CONCURRENCY: "8", DB_POOL_MAX: "4" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  child.stdout?.on("data", () => undefined);
  child.stderr?.on("data", () => undefined);
  children.push(child);
  return child;
}

beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
});

afterAll(async () => {
  // The whole tree (npx -> tsx -> node), not just the npx wrapper.
  for (const c of children) if (c.pid) await killTree(c.pid);
});

const FINAL = ["delivered", "undelivered", "failed"];

describe("worker crash", () => {
  it("kill -9 of one worker loses and duplicates nothing", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    for (let i = 0; i < 4; i++) await addShortCode(account.sid, service.sid, String(40000 + Math.floor(Math.random() * 50000)), 40);
    const victim = spawnWorker();
    spawnWorker();
    // The victim's pid is the npx wrapper; kill the whole tree's node process via its pid group below.
    const total = 240;
    const sids: string[] = [];
    for (let i = 0; i < total; i++) {
      const m = await createMessage(account.sid, { to: `+1415555${String(1000 + i).padStart(4, "0")}`, messagingServiceSid: service.sid, body: `crash ${i}` });
      sids.push(m.sid);
    }
    await waitFor(async () => (await db.simDelivery.count({ where: { accountSid: account.sid } })) >= 40, 60_000);
    // SIGKILL the worker (npx -> tsx -> node): every process of that tree, no cleanup runs.
    const t0 = Date.now();
    await killTree(victim.pid as number);
    try {
      await waitFor(async () => (await db.message.count({ where: { accountSid: account.sid, status: { in: FINAL } } })) === total, 120_000, 250);
    } catch (err) {
      // Say where the stragglers are before failing: message statuses and the queue's view of their jobs.
      const byStatus = await db.message.groupBy({ by: ["status"], where: { accountSid: account.sid }, _count: true });
      const jobs = await db.$queryRaw<unknown[]>(Prisma.sql`SELECT task_identifier, locked_by, locked_at, run_at, attempts, last_error FROM graphile_worker.jobs LIMIT 20`);
      const pools = await db.$queryRaw<unknown[]>(Prisma.sql`SELECT pool_id, pid, heartbeat_at FROM pipeline_workers`);
      console.error("crash test stuck", JSON.stringify({ byStatus, jobs, pools }, null, 1));
      throw err;
    }

    const recovered = Date.now() - t0;
    const deliveries = await db.simDelivery.findMany({ where: { accountSid: account.sid } });
    expect(deliveries).toHaveLength(total);
    expect(new Set(deliveries.map((d) => d.messageSid))).toEqual(new Set(sids));
    const finals = await db.$queryRaw<{ message_sid: string; n: bigint }[]>(Prisma.sql`
      SELECT message_sid, count(*) AS n FROM message_events
       WHERE account_sid = ${account.sid} AND status = ANY(${FINAL}::text[]) GROUP BY message_sid`);
    expect(finals).toHaveLength(total);
    expect(finals.every((f) => Number(f.n) === 1)).toBe(true);
    const dupStatuses = await db.$queryRaw<{ n: bigint }[]>(Prisma.sql`
      SELECT count(*) AS n FROM (SELECT message_sid, status FROM message_events WHERE account_sid = ${account.sid}
                                  GROUP BY message_sid, status HAVING count(*) > 1) d`);
    expect(Number(dupStatuses[0]?.n ?? 0)).toBe(0);
    const resubmitted = deliveries.filter((d) => d.submitCount > 1).length;
    console.log(`crash test: ${total} messages, ${resubmitted} re-submitted after the kill and de-duplicated by the carrier; all final ${recovered} ms after the kill`);
  }, 180_000);
});

async function killTree(pid: number): Promise<void> {
  const { execFileSync } = await import("node:child_process");
  const descendants = (p: number): number[] => {
    let out = "";
    try {
      out = execFileSync("pgrep", ["-P", String(p)]).toString();
    } catch {
      return [];
    }
    const kids = out.split(/\s+/).filter(Boolean).map(Number);
    return kids.flatMap((k) => [k, ...descendants(k)]);
  };
  for (const p of [pid, ...descendants(pid)]) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
