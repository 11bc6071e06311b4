import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createApiKey, deleteApiKey } from "@/lib/server/services/api-keys/api-keys";
import { addPhoneNumberToService } from "@/lib/server/services/sender-pool/add-phone-number-to-service";
import { removeSenderFromService } from "@/lib/server/services/sender-pool/remove-sender-from-service";
import { addLongCode, makeAccount, makeService } from "./pipeline-fixtures";

/**
 * Caches of another process (pool, sender, credentials, simulator rules)
 * follow a change committed here within 1 s: well inside their TTLs, so
 * only the notification can explain it. The peer is a real second process
 * (tests/integration/cache-peer.ts) with its own LISTEN connection.
 */
let peer: ChildProcessWithoutNullStreams;
let nextId = 1;
const waiting = new Map<number, (v: unknown) => void>();
let peerPid = 0;

beforeAll(async () => {
  peer = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/integration/cache-peer.ts")], {
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  peer.stderr.on("data", (d: Buffer) => process.stderr.write(d));
  const ready = new Promise<void>((resolve, reject) => {
    peer.once("exit", (code) => reject(new Error(`peer exited ${code}`)));
    createInterface({ input: peer.stdout }).on("line", (line) => {
      let msg: { id?: number; result?: unknown; ready?: boolean; pid?: number };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      if (msg.ready) {
        peerPid = msg.pid ?? 0;
        resolve();
      } else if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
    });
  });
  await ready;
});

afterAll(() => {
  peer.stdin.end();
  peer.kill();
});

function ask(cmd: Record<string, unknown>): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    peer.stdin.write(JSON.stringify({ id, ...cmd }) + "\n");
  });
}

/** Asks the peer until `ok` holds; returns how long after `since` it did (ms). */
async function seenWithin(cmd: Record<string, unknown>, ok: (v: unknown) => boolean, since: number, limitMs = 1_000): Promise<number> {
  for (;;) {
    const v = await ask(cmd);
    const elapsed = performance.now() - since;
    if (ok(v)) return elapsed;
    if (elapsed > limitMs) throw new Error(`peer still answers ${JSON.stringify(v)} after ${Math.round(elapsed)} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("cross-process cache invalidation", () => {
  it("a number added to or removed from a pool here routes on the peer within 1 s", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const first = await addLongCode(account.sid, service.sid);
    const spare = await addLongCode(account.sid, null);
    // Pools are cached 1 s: a change seen well before the peer's entry expires was pushed, not re-read.
    expect(await ask({ op: "pool", serviceSid: service.sid })).toEqual([first.sid]);
    let filled = performance.now();
    let t0 = performance.now();
    await addPhoneNumberToService(account.sid, service.sid, spare.sid);
    expect(await seenWithin({ op: "pool", serviceSid: service.sid }, (v) => (v as string[]).length === 2, t0)).toBeLessThan(1_000);
    expect(performance.now() - filled).toBeLessThan(700);

    expect(await ask({ op: "sender", accountSid: account.sid, senderSid: first.sid })).toBeNull(); // cached: no own mps
    filled = t0 = performance.now();
    await db.phoneNumber.update({ where: { sid: first.sid }, data: { mps: 7 } });
    expect(await seenWithin({ op: "sender", accountSid: account.sid, senderSid: first.sid }, (v) => v === 7, t0)).toBeLessThan(1_000);
    expect(performance.now() - filled).toBeLessThan(700);

    expect(await ask({ op: "pool", serviceSid: service.sid })).toHaveLength(2);
    filled = t0 = performance.now();
    await removeSenderFromService(account.sid, service.sid, spare.sid);
    expect(await seenWithin({ op: "pool", serviceSid: service.sid }, (v) => (v as string[]).length === 1, t0)).toBeLessThan(1_000);
    expect(performance.now() - filled).toBeLessThan(700);
  });

  it("a deleted API key and a rotated auth token stop working on the peer within 1 s (its cache keeps them 5 s otherwise)", async () => {
    const account = await makeAccount();
    const key = await createApiKey(account.sid, { friendlyName: "peer" });
    const keyAuth = "Basic " + Buffer.from(`${key.sid}:${key.secret}`).toString("base64");
    const tokenAuth = "Basic " + Buffer.from(`${account.sid}:${account.authToken}`).toString("base64");
    expect(await ask({ op: "auth", authorization: keyAuth })).toBe(account.sid);
    expect(await ask({ op: "auth", authorization: tokenAuth })).toBe(account.sid);

    let t0 = performance.now();
    await deleteApiKey(account.sid, key.sid);
    expect(await seenWithin({ op: "auth", authorization: keyAuth }, (v) => v === "refused", t0)).toBeLessThan(1_000);

    t0 = performance.now();
    await db.account.update({ where: { sid: account.sid }, data: { authToken: "f".repeat(32) } });
    expect(await seenWithin({ op: "auth", authorization: tokenAuth }, (v) => v === "refused", t0)).toBeLessThan(1_000);
  });

  it("a simulator rule saved here applies on the peer within 1 s", async () => {
    const account = await makeAccount();
    expect(await ask({ op: "rule", accountSid: account.sid, to: "+14155550100" })).toBe("delivered");
    const t0 = performance.now();
    await db.simRule.create({ data: { accountSid: account.sid, prefix: "1415", outcome: "failed", errorCode: 30008 } });
    expect(await seenWithin({ op: "rule", accountSid: account.sid, to: "+14155550100" }, (v) => v === "failed", t0)).toBeLessThan(1_000);
  });

  it("after its connection is cut, the peer reconnects and drops its caches (a change made meanwhile is not missed)", async () => {
    const account = await makeAccount();
    const key = await createApiKey(account.sid, { friendlyName: "cut" });
    const keyAuth = "Basic " + Buffer.from(`${key.sid}:${key.secret}`).toString("base64");
    expect(await ask({ op: "auth", authorization: keyAuth })).toBe(account.sid);
    // What a database restart or failover does to the listener: its backend is gone.
    const cut = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
       WHERE application_name = 'switchyard cache listener' AND datname = current_database() AND pid <> pg_backend_pid()`;
    expect(Number(cut[0]?.n)).toBeGreaterThanOrEqual(1);
    const t0 = performance.now();
    await deleteApiKey(account.sid, key.sid); // committed while the peer was not listening
    expect(await seenWithin({ op: "auth", authorization: keyAuth }, (v) => v === "refused", t0, 2_000)).toBeLessThan(2_000);
    // And it listens again: the next change arrives as a notification.
    await new Promise((r) => setTimeout(r, 300));
    const key2 = await createApiKey(account.sid, { friendlyName: "again" });
    const auth2 = "Basic " + Buffer.from(`${key2.sid}:${key2.secret}`).toString("base64");
    expect(await ask({ op: "auth", authorization: auth2 })).toBe(account.sid);
    const t1 = performance.now();
    await deleteApiKey(account.sid, key2.sid);
    expect(await seenWithin({ op: "auth", authorization: auth2 }, (v) => v === "refused", t1)).toBeLessThan(1_000);
    expect(peerPid).toBeGreaterThan(0);
  });
});
