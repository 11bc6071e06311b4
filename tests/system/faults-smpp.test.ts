import { AsyncLocalStorage } from "node:async_hooks";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmsc, type Smsc, type SubmitRecord } from "@/tests/smsc/start-smsc";

/** Callbacks first received this long before a kill may be posted again (docs/reliability.md "Status callbacks"). */
const CALLBACK_WINDOW_MS = 5_000;

/**
 * Issue #16 for the SMPP driver (docs/reliability.md "SMPP fault test"): the
 * send path's server (tests/system/fault-server.ts) on a PostgreSQL this test
 * owns, the account's default carrier an SMPP bind to the Net::SMPP test SMSC
 * (registered delivery, receipts after 300 ms), messages sent through the
 * official twilio client with an idempotency key, a signed status callback
 * for every status. Faults: the SMSC drops every bind three times, and the
 * server's process group is killed (-9) twice during steady sending.
 * Asserted against the SMSC's own record of every submit_sm: nothing lost;
 * no message accepted by the SMSC twice except a submit it took on a
 * connection that then dropped (docs/carriers.md "SMPP: what can
 * duplicate"); a message whose hand-off a kill interrupted is failed 30008
 * and never submitted again (the crash rule); every message one final
 * status, its receipt mapped; every final status called back; dispatch
 * resumed within 10 s of each fault.
 */
const PORT = 4000;
const PG_PORT = 4050;
const RECEIVER_PORT = 4011;
const SMSC_PORTS: [number, number] = [4020, 4029];
const RUN_DIR = "/tmp/faults-smpp-system";
const PG_DIR = path.join(RUN_DIR, "pg");
const INTAKE_PER_S = Number(process.env.FAULT_INTAKE ?? 20);
const NUMBERS = 5;
const MPS = 15;
const RECOVERY_LIMIT_MS = 10_000;
const PREFIX = "smpp fault ";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cwd = process.cwd();

interface Moment {
  what: string;
  at: number;
}
const moments: Moment[] = [];
const mark = (what: string) => moments.push({ what, at: Date.now() });

type Pg = Awaited<ReturnType<typeof import("@/lib/server/db/embedded").startEmbeddedPostgres>>;
let pgServer: Pg | null = null;
let smsc: Smsc | null = null;
let url = "";
let server: ChildProcess | null = null;
let serverNo = 0;
let account = { sid: "", authToken: "" };
let serviceSid = "";

async function startServer(): Promise<void> {
  const n = ++serverNo;
  const log = createWriteStream(path.join(RUN_DIR, `server-${n}.log`));
  const child = spawn(process.execPath, [path.join(cwd, "node_modules/tsx/dist/cli.mjs"), "tests/system/fault-server.ts"], {
    cwd,
    detached: true, // its own process group: the kill takes all of it
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  child.stderr?.pipe(log);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      log.write(d);
      out += d.toString();
      if (out.includes("fault-server ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`fault server ${n} exited (${code}) before it was ready; see ${RUN_DIR}/server-${n}.log`)));
    setTimeout(() => reject(new Error(`fault server ${n} not ready in 90 s`)), 90_000).unref();
  });
  mark("ready");
}

async function killServer(why: string): Promise<void> {
  const child = server;
  if (!child?.pid) return;
  mark(`kill: ${why}`);
  const exited = once(child, "exit");
  process.kill(-child.pid, "SIGKILL");
  await exited;
  server = null;
}

async function dropBinds(): Promise<number> {
  mark("drop");
  return Number((await (smsc as Smsc).control({ cmd: "drop" })).closed);
}

// ---- the status callback receiver: signatures checked, every POST recorded ----
interface Callback {
  sid: string;
  status: string;
  errorCode: string;
  at: number;
  valid: boolean;
}
const callbacks: Callback[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (d: Buffer) => (body += d.toString()));
  req.on("end", () => {
    const params = Object.fromEntries(new URLSearchParams(body));
    const valid = twilio.validateRequest(account.authToken, String(req.headers["x-twilio-signature"] ?? ""), `http://127.0.0.1:${RECEIVER_PORT}/status`, params);
    callbacks.push({ sid: params.MessageSid ?? "", status: params.MessageStatus ?? "", errorCode: params.ErrorCode ?? "", at: Date.now(), valid });
    res.writeHead(200).end("ok");
  });
});

// ---- the load: the official twilio client, each create with its own idempotency key, retried until answered ----
const keyOf = new AsyncLocalStorage<string>();
class KeyedRequestClient extends twilio.RequestClient {
  request<T>(opts: RequestClient.RequestOptions<T>) {
    const key = keyOf.getStore();
    return super.request<T>(key ? { ...opts, headers: { ...opts.headers, "I-Twilio-Idempotency-Token": key } } : opts);
  }
}
const accepted = new Map<number, string>();
const stats = { launched: 0, retries: 0, unavailable: 0, network: 0, other: [] as string[] };
let inFlight = 0;
let intake = false;
let finished = false;
let next = 0;

async function createOne(client: twilio.Twilio, n: number): Promise<void> {
  stats.launched++;
  inFlight++;
  try {
    for (let attempt = 0; !finished; attempt++) {
      if (attempt > 0) stats.retries++;
      try {
        const m = await keyOf.run(`smpp-fault-${n}`, () =>
          client.messages.create({ to: `+1415${String(3000000 + n).padStart(7, "0")}`, messagingServiceSid: serviceSid, body: `${PREFIX}${n}` }),
        );
        accepted.set(n, m.sid);
        return;
      } catch (err) {
        const e = err as { status?: number; code?: number; message?: string };
        if (e.status === 503 && e.code === 20503) stats.unavailable++;
        else if (e.status === undefined) stats.network++;
        else {
          stats.other.push(`${e.status} ${e.code}: ${e.message}`);
          return;
        }
        await sleep(300);
      }
    }
  } finally {
    inFlight--;
  }
}

async function pace(client: twilio.Twilio): Promise<void> {
  const perTick = INTAKE_PER_S / 20;
  let owed = 0;
  while (!finished) {
    await sleep(50);
    if (!intake) continue;
    owed += perTick;
    for (; owed >= 1 && inFlight < 64; owed--) void createOne(client, next++);
    owed = Math.min(owed, perTick * 4);
  }
}

async function db() {
  return (await import("@/lib/server/db/client")).db;
}

beforeAll(async () => {
  // A PostgreSQL of our own (never the shared test server).
  const { embeddedUrl, ensureDatabase, startEmbeddedPostgres } = await import("@/lib/server/db/embedded");
  const { execFileSync } = await import("node:child_process");
  try {
    execFileSync("fuser", ["-k", "-9", `${PORT}/tcp`], { stdio: "ignore" }); // a server left by an aborted run
  } catch {
    // nothing there
  }
  const net = await import("node:net");
  const listening = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: PG_PORT });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
  if (listening) await (await startEmbeddedPostgres({ root: PG_DIR, port: PG_PORT })).stop(); // left by an aborted run
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true, mode: 0o777 });
  pgServer = await startEmbeddedPostgres({ root: PG_DIR, port: PG_PORT });
  if (pgServer.port !== PG_PORT) throw new Error(`port ${PG_PORT} is taken: the SMPP fault test needs it (got ${pgServer.port})`);
  await ensureDatabase(embeddedUrl(PG_PORT, "postgres", PG_DIR), "faults_smpp");
  url = embeddedUrl(PG_PORT, "faults_smpp", PG_DIR);
  process.env.DATABASE_URL = url;
  // The carrier's password is sealed here and opened by the server's workers: both need the same key.
  process.env.SECRETS_KEY ??= "faults-smpp-test-secrets-key-0123456789";
  const { applyMigrations } = await import("@/lib/server/db/migrate");
  await applyMigrations(url);
  const { migrateQueueSchema } = await import("@/lib/server/pipeline/queue-schema");
  await migrateQueueSchema(url);

  smsc = await startSmsc({ portRange: SMSC_PORTS, dlrDelayMs: 300 });

  const { newSid } = await import("@/lib/server/ids");
  const d = await db();
  account = { sid: newSid("AC"), authToken: newSid("PN").slice(2) };
  await d.account.create({ data: { sid: account.sid, friendlyName: "faults-smpp", authToken: account.authToken } });
  const { createCarrier } = await import("@/lib/server/services/carriers/create-carrier");
  await createCarrier(account.sid, {
    type: "smpp",
    friendlyName: "test SMSC",
    host: smsc.host,
    port: smsc.port,
    systemId: "test",
    password: "secret",
    isDefault: true,
    registeredDelivery: true,
    windowSize: 10,
  });
  serviceSid = newSid("MG");
  await d.service.create({ data: { sid: serviceSid, accountSid: account.sid, friendlyName: "faults-smpp", statusCallback: `http://127.0.0.1:${RECEIVER_PORT}/status` } });
  for (let i = 0; i < NUMBERS; i++) {
    await d.phoneNumber.create({
      data: { sid: newSid("PN"), accountSid: account.sid, phoneNumber: `+1415778${String(1000 + i)}`, friendlyName: "n", isoCountry: "US", numberType: "local", mps: MPS, serviceSid, addedToServiceAt: new Date() },
    });
  }
  await new Promise<void>((r) => receiver.listen(RECEIVER_PORT, "127.0.0.1", r));
}, 180_000);

afterAll(async () => {
  finished = true;
  if (server?.pid) await killServer("end of test").catch(() => undefined);
  receiver.close();
  await (await db()).$disconnect().catch(() => undefined);
  await smsc?.stop();
  await pgServer?.stop();
});

/** The message number a submit_sm carried (its body is PREFIX + n, GSM 7-bit = ASCII here). */
function numberOf(r: SubmitRecord): number | null {
  const text = Buffer.from(r.messagePayload ?? r.shortMessage, "hex").toString("latin1");
  return text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : null;
}

describe("SMPP faults: dropped binds and kill -9 under load, counted by the SMSC", () => {
  it("loses nothing, submits once (but for a response lost on a drop), fails interrupted hand-offs 30008, maps every receipt, resumes within 10 s", async () => {
    const client = twilio(account.sid, account.authToken, { httpClient: new KeyedRequestClient({ timeout: 15_000 }) });
    client.api.baseUrl = `http://127.0.0.1:${PORT}`;
    const t0 = Date.now();
    await startServer();
    intake = true;
    const pacer = pace(client);

    await sleep(6_000);
    const closed1 = await dropBinds();
    await sleep(5_000);
    await killServer("steady sending");
    await startServer();
    await sleep(5_000);
    const closed2 = await dropBinds();
    await sleep(300);
    const closed3 = await dropBinds(); // again while it reconnects
    await sleep(5_000);
    await killServer("steady sending, after the drops");
    await startServer();
    await sleep(5_000);
    intake = false;

    const deadline = Date.now() + 60_000;
    while (inFlight > 0 && Date.now() < deadline) await sleep(200);
    expect(inFlight).toBe(0);
    expect(stats.other).toEqual([]);
    expect(accepted.size).toBe(stats.launched);

    // ---- drain: every accepted message final, every callback row delivered ----
    const d = await db();
    const sids = [...accepted.values()];
    const FINAL = ["delivered", "undelivered", "failed"];
    const drainUntil = Date.now() + 60_000;
    let pending = sids.length;
    while (Date.now() < drainUntil) {
      pending = sids.length - (await d.message.count({ where: { sid: { in: sids }, status: { in: FINAL } } }));
      const cbPending = await d.statusCallback.count({ where: { accountSid: account.sid, deliveredAt: null } });
      if (pending === 0 && cbPending === 0) break;
      await sleep(500);
    }
    finished = true;
    await pacer;
    const tEnd = Date.now();

    // ---- what happened, from the SMSC's record and the database ----
    const smscStats = await (smsc as Smsc).control({ cmd: "stats" });
    writeFileSync(path.join(RUN_DIR, "smsc-submits.jsonl"), (smsc as Smsc).submits().map((r) => JSON.stringify(r)).join("\n"));
    const sidOf = new Map([...accepted].map(([n, sid]) => [n, sid]));
    const records = (smsc as Smsc).submits().map((r) => ({ ...r, at: Math.round(r.t * 1000), n: numberOf(r) }));
    const stored = await d.message.findMany({ where: { accountSid: account.sid }, select: { sid: true, body: true, status: true, errorCode: true } });
    const recoveries = await d.dispatchRecovery.findMany({ where: { messageSid: { in: stored.map((m) => m.sid) } } });
    const failedByRule = new Set(recoveries.filter((r) => r.decision === "failed").map((r) => r.messageSid));
    const resubmittedByRule = recoveries.filter((r) => r.decision === "resubmitted");

    const lost = sids.filter((sid) => !stored.some((m) => m.sid === sid && FINAL.includes(m.status)));
    const bodies = new Map<string, number>();
    for (const m of stored) bodies.set(m.body, (bodies.get(m.body) ?? 0) + 1);
    const storedTwice = [...bodies.values()].filter((c) => c > 1).length;

    // Copies the SMSC accepted (or read and then lost the answer to) per message.
    const copiesOf = new Map<number, typeof records>();
    for (const r of records) if (r.n !== null && (r.status === 0 || r.dropped || r.muted)) copiesOf.set(r.n, [...(copiesOf.get(r.n) ?? []), r]);
    const drops = moments.filter((m) => m.what === "drop").map((m) => m.at);
    const kills = moments.filter((m) => m.what.startsWith("kill")).map((m) => m.at);
    // The documented duplicate: an earlier copy read on a connection that a drop closed right after (its response lost).
    const onDroppedConn = (c: (typeof records)[number], later: (typeof records)[number]) => c.conn !== later.conn && drops.some((t) => c.at <= t + 200 && c.at > t - 2_000);
    const duplicated = [...copiesOf].filter(([, cs]) => cs.length > 1);
    const duplicatedUnexplained = duplicated.filter(([, cs]) => cs.slice(0, -1).some((c) => !onDroppedConn(c, cs.at(-1) as (typeof records)[number])));
    const neverSubmitted = [...sidOf].filter(([n, sid]) => !copiesOf.has(n) && !failedByRule.has(sid));
    // Receipts: a message the SMSC accepted ends delivered (its receipt mapped), unless a kill interrupted its hand-off (30008).
    const statusOf = new Map(stored.map((m) => [m.sid, m]));
    const unmapped = [...sidOf].filter(([n, sid]) => copiesOf.has(n) && !failedByRule.has(sid) && statusOf.get(sid)?.status !== "delivered");
    const ruleNot30008 = [...failedByRule].filter((sid) => statusOf.get(sid)?.status !== "failed" || statusOf.get(sid)?.errorCode !== 30008);
    const ruleAndAcceptedBySmsc = [...sidOf].filter(([n, sid]) => failedByRule.has(sid) && copiesOf.has(n)).length;
    const ruleSubmittedTwice = [...sidOf].filter(([n, sid]) => failedByRule.has(sid) && (copiesOf.get(n)?.length ?? 0) > 1).map(([, sid]) => sid);

    // Callbacks: one per (sid, status); a repeat only for one in flight at a kill.
    const byKey = new Map<string, Callback[]>();
    for (const c of callbacks) byKey.set(`${c.sid}:${c.status}`, [...(byKey.get(`${c.sid}:${c.status}`) ?? []), c]);
    const repeats = [...byKey.values()].filter((cs) => cs.length > 1);
    // The window between a receiver's answer and its bookkeeping commit, as measured on a loaded 2-core box (up to ~3 s;
    // docs/reliability.md "Status callbacks"): a FINAL status's callback may repeat only when first received that close
    // before a kill. Repeats of intermediate statuses (queued, sending, sent) are counted and printed, not asserted here:
    // one was seen in CI around a drop followed by a kill (docs/reliability.md "SMPP fault test").
    const repeatsNotAtKill = repeats.filter(
      (cs) => FINAL.includes((cs[0] as Callback).status) && !kills.some((k) => (cs[0] as Callback).at <= k && (cs[0] as Callback).at > k - CALLBACK_WINDOW_MS),
    );
    const finalsMissing = stored.filter((m) => FINAL.includes(m.status) && !byKey.has(`${m.sid}:${m.status}`));
    const invalid = callbacks.filter((c) => !c.valid).length;

    // Recovery: from each server ready after a kill and each drop to the SMSC's next accepted submit.
    const acceptedAt = records.filter((r) => r.status === 0).map((r) => r.at).sort((a, b) => a - b);
    const recoveryMs = moments
      .map((m, i) => ({ m, i }))
      .filter(({ m, i }) => (m.what === "ready" && i > 0) || m.what === "drop")
      .map(({ m, i }) => ({ after: m.what === "drop" ? "drop" : (moments[i - 1]?.what ?? ""), ms: (acceptedAt.find((t) => t > m.at) ?? Infinity) - m.at }));

    const figures = {
      seconds: Math.round((tEnd - t0) / 1000),
      intakePerS: INTAKE_PER_S,
      creates: stats.launched,
      accepted: accepted.size,
      retriedCreates: stats.retries,
      answered503: stats.unavailable,
      networkErrors: stats.network,
      drops: drops.length,
      bindsClosedByDrops: [closed1, closed2, closed3],
      kills: kills.length,
      smscSubmits: records.length,
      smscAccepted: records.filter((r) => r.status === 0).length,
      lost: lost.length,
      storedTwice,
      submittedTwiceAfterLostResponse: duplicated.length - duplicatedUnexplained.length,
      submittedTwiceUnexplained: duplicatedUnexplained.length,
      failed30008ByCrashRule: failedByRule.size,
      of30008AcceptedBySmsc: ruleAndAcceptedBySmsc,
      crashRuleResubmits: resubmittedByRule.length,
      delivered: stored.filter((m) => m.status === "delivered").length,
      failed: stored.filter((m) => m.status === "failed").length,
      undelivered: stored.filter((m) => m.status === "undelivered").length,
      callbacks: callbacks.length,
      callbackRepeats: repeats.length,
      finalCallbackRepeats: repeats.filter((cs) => FINAL.includes((cs[0] as Callback).status)).length,
      invalidSignatures: invalid,
      recoveryMs,
      smsc: smscStats,
      moments: moments.map((m) => ({ what: m.what, s: Math.round((m.at - t0) / 100) / 10 })),
    };
    console.log("SMPP fault test figures", JSON.stringify(figures, null, 1));
    writeFileSync(path.join(RUN_DIR, "figures.json"), JSON.stringify(figures, null, 1));

    expect(pending).toBe(0);
    expect(lost).toEqual([]);
    expect(storedTwice).toBe(0);
    expect(duplicatedUnexplained.map(([n]) => sidOf.get(n))).toEqual([]);
    expect(neverSubmitted.map(([, sid]) => sid)).toEqual([]);
    expect(resubmittedByRule.map((r) => r.messageSid)).toEqual([]); // SMPP: never resubmitted after a crash
    expect(ruleSubmittedTwice).toEqual([]);
    expect(ruleNot30008).toEqual([]);
    expect(unmapped.map(([, sid]) => `${sid}: ${statusOf.get(sid)?.status}`)).toEqual([]);
    expect(finalsMissing.map((m) => m.sid)).toEqual([]);
    expect(invalid).toBe(0);
    expect(repeatsNotAtKill.map((cs) => `${(cs[0] as Callback).sid}:${(cs[0] as Callback).status}`)).toEqual([]);
    expect(drops.length).toBeGreaterThanOrEqual(2);
    expect(kills.length).toBeGreaterThanOrEqual(2);
    for (const r of recoveryMs) expect(r.ms, `dispatch resumed after ${r.after}`).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
  }, 300_000);
});
