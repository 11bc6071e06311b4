import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MPS } from "@/lib/core/senders/mps";
import { newSid } from "@/lib/server/ids";
import { dropTestDatabase, freshTestDatabase } from "@/lib/server/db/test-database";

/**
 * Scale-out on one PostgreSQL (docs/operations.md "Scale-out"): two app
 * processes (`scripts/start.ts --prod`, PIPELINE_WORKERS=0: front server +
 * Next, no workers) and two worker processes (`scripts/worker.ts`) on one
 * database, load sent through both apps. Asserts what an operator must be
 * able to rely on: every accepted message ends final and reached the
 * carrier exactly once, no sender ever exceeds its MPS in any 1 s window at
 * the carrier, and a pool change saved through one app routes on the
 * workers within 1 s. Needs the production build (`next build`).
 *
 * Ports (this suite's range 3300-3399): apps on 3310 and 3320 (Next behind
 * them on +1, link listener on +2), workers' /metrics on 3330 and 3331.
 */
const APPS = [3310, 3320];
const WORKER_METRICS = [3330, 3331];
const MESSAGES = 600;
const IN_FLIGHT = 24;
const root = path.resolve(import.meta.dirname, "../..");

let url: string;
let client: pg.Client;
const procs: ChildProcess[] = [];
const logs: string[] = [];

function start(name: string, script: string, args: string[], env: Record<string, string>) {
  const p = spawn(process.execPath, ["--import", "tsx", path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: stopping it stops the Next child too
  });
  const keep = (d: Buffer) => logs.push(`[${name}] ${d.toString()}`);
  p.stdout?.on("data", keep);
  p.stderr?.on("data", keep);
  procs.push(p);
  return p;
}

async function waitUntil(what: string, fn: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out: ${what}\n${logs.slice(-30).join("")}`);
}

const account = { sid: newSid("AC"), token: randomBytes(16).toString("hex") };
const auth = "Basic " + Buffer.from(`${account.sid}:${account.token}`).toString("base64");

async function api(port: number, method: string, p: string, form?: Record<string, string>) {
  const res = await fetch(`http://127.0.0.1:${port}${p}`, {
    method,
    headers: { authorization: auth, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

let serviceSid = "";
const numbers: { sid: string; phone: string; mps: number }[] = [];

async function addNumber(service: string | null, mps: number | null) {
  const sid = newSid("PN");
  const phone = `+1415${String(3000000 + numbers.length * 7 + Math.floor(Math.random() * 7)).padStart(7, "0")}`;
  await client.query(
    `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, iso_country, number_type, mps, service_sid, added_to_service_at, updated_at)
     VALUES ($1, $2, $3, 'n', 'US', 'local', $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END, now())`,
    [sid, account.sid, phone, mps, service],
  );
  numbers.push({ sid, phone, mps: mps ?? DEFAULT_MPS.long_code });
  return { sid, phone };
}

beforeAll(async () => {
  url = await freshTestDatabase("scaleout_ops");
  client = new pg.Client({ connectionString: url });
  await client.connect();
  // The account exists before the apps start, so they seed nothing.
  await client.query(`INSERT INTO accounts (sid, friendly_name, auth_token, updated_at) VALUES ($1, 'scale-out', $2, now())`, [account.sid, account.token]);
  serviceSid = newSid("MG");
  await client.query(`INSERT INTO services (sid, account_sid, friendly_name, updated_at) VALUES ($1, $2, 'load', now())`, [serviceSid, account.sid]);
  // Five long codes at 10 MPS each: the pool is spread evenly, so equal limits keep the run short (~15 s).
  for (let i = 0; i < 5; i++) await addNumber(serviceSid, 10);

  for (const [i, port] of APPS.entries()) {
    start(`app${i + 1}`, "scripts/start.ts", ["--prod"], {
      PORT: String(port),
      NEXT_INTERNAL_PORT: String(port + 1),
      LINK_HTTP_PORT: String(port + 2),
      PIPELINE_WORKERS: "0",
      NEXTAUTH_SECRET: "scale-out-test-secret",
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    });
  }
  for (const [i, port] of WORKER_METRICS.entries()) start(`worker${i + 1}`, "scripts/worker.ts", [], { METRICS_PORT: String(port) });
  for (const port of [...APPS, ...WORKER_METRICS]) {
    await waitUntil(`readyz on ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200, 90_000);
  }
  // Next behind each front server answers (the pool change goes through the REST API Next serves).
  for (const port of APPS) await waitUntil(`Next on ${port}`, async () => (await api(port, "GET", `/v1/Services/${serviceSid}`)).status === 200, 90_000);
}, 180_000);

afterAll(async () => {
  for (const p of procs) {
    try {
      if (p.pid) process.kill(-p.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await Promise.all(procs.map((p) => (p.exitCode !== null ? null : new Promise((r) => p.once("exit", r)))));
  await client?.end();
  if (url) await dropTestDatabase(url);
});

describe("2 app and 2 worker processes on one database", () => {
  it(
    "send everything accepted through both apps exactly once, no sender over its MPS, and route a pool change within 1 s",
    async () => {
      // Load: MESSAGES creates, alternating between the two apps, IN_FLIGHT at a time.
      const accepted: string[] = [];
      let next = 0;
      const startedAt = Date.now();
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < MESSAGES) {
            const i = next++;
            const r = await api(APPS[i % 2]!, "POST", `/2010-04-01/Accounts/${account.sid}/Messages.json`, {
              To: `+1415555${String(1000 + i).padStart(4, "0")}`,
              MessagingServiceSid: serviceSid,
              Body: `load ${i}`,
            });
            expect(r.status).toBe(201);
            accepted.push(String(r.body.sid));
          }
        }),
      );
      const createSeconds = (Date.now() - startedAt) / 1000;

      // The pool change: a second service, one number, a message every 50 ms through app 2 before
      // and after that number is replaced through app 1's REST API (the new one added first, so the
      // pool is never empty). Every process caches the pool for 1 s, so without invalidation messages
      // routed up to 1 s after the change still leave from the old number.
      const svc2 = await api(APPS[0]!, "POST", "/v1/Services", { FriendlyName: "pool change" });
      expect(svc2.status).toBe(201);
      const svc2Sid = String(svc2.body.sid);
      const before = await addNumber(null, 25);
      const after = await addNumber(null, 25);
      expect((await api(APPS[0]!, "POST", `/v1/Services/${svc2Sid}/PhoneNumbers`, { PhoneNumberSid: before.sid })).status).toBe(201);
      const trickle: Promise<string>[] = [];
      let trickling = true;
      const ticker = (async () => {
        for (let i = 0; trickling; i++) {
          trickle.push(
            api(APPS[1]!, "POST", `/2010-04-01/Accounts/${account.sid}/Messages.json`, { To: `+14155${String(600000 + i).padStart(6, "0")}`, MessagingServiceSid: svc2Sid, Body: "trickle" }).then((r) => {
              expect(r.status).toBe(201);
              return String(r.body.sid);
            }),
          );
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await api(APPS[0]!, "POST", `/v1/Services/${svc2Sid}/PhoneNumbers`, { PhoneNumberSid: after.sid })).status).toBe(201);
      expect((await api(APPS[0]!, "DELETE", `/v1/Services/${svc2Sid}/PhoneNumbers/${before.sid}`)).status).toBe(204);
      const changedAt = Date.now();
      await new Promise((r) => setTimeout(r, 2_000));
      trickling = false;
      await ticker;
      const trickleSids = await Promise.all(trickle);
      await waitUntil(
        "trickle final",
        async () => Number((await client.query(`SELECT count(*) AS n FROM messages WHERE sid = ANY($1) AND status IN ('delivered','undelivered','failed')`, [trickleSids])).rows[0].n) === trickleSids.length,
        60_000,
      );
      // Each message's routing time (its `queued` event, stamped when dispatch chose the sender) and
      // the sender the carrier saw. Receipt times would not do: a message routed just before the
      // change keeps its sender and reserved slot however late it is handed off.
      const routed = (
        await client.query<{ from: string; at: Date }>(
          `SELECT d."from", e.created_at AS at FROM sim_deliveries d JOIN message_events e ON e.message_sid = d.message_sid AND e.status = 'queued'
            WHERE d.message_sid = ANY($1) ORDER BY e.created_at`,
          [trickleSids],
        )
      ).rows;
      expect(routed).toHaveLength(trickleSids.length);
      expect(routed.some((r) => r.from === before.phone && r.at.getTime() < changedAt)).toBe(true);
      // The DELETE had committed when its answer arrived (changedAt); its notification reaches the
      // workers within milliseconds, the margin covers a busy event loop. Until 1 s after the change,
      // a TTL alone would still route on the old pool; only the new number is allowed.
      const MARGIN_MS = 250;
      const late = routed.filter((r) => r.at.getTime() > changedAt + MARGIN_MS);
      expect(late.filter((r) => r.from !== after.phone)).toEqual([]);
      // Some must fall inside the TTL window, or this run proved nothing (a loaded box slows the trickle).
      const insideTtl = late.filter((r) => r.at.getTime() < changedAt + 1_000).length;
      expect(insideTtl).toBeGreaterThanOrEqual(1);
      const probeRow = late[0]!;

      // Every accepted message: final, and handed to the carrier exactly once.
      expect(new Set(accepted).size).toBe(MESSAGES);
      await waitUntil(
        "all load messages final",
        async () =>
          Number(
            (await client.query(`SELECT count(*) AS n FROM messages WHERE sid = ANY($1) AND status IN ('delivered','undelivered','failed')`, [accepted])).rows[0].n,
          ) === MESSAGES,
        150_000,
      );
      const statuses = await client.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM messages WHERE sid = ANY($1) GROUP BY status`, [accepted]);
      expect(statuses.rows).toEqual([{ status: "delivered", n: String(MESSAGES) }]);
      const carrier = await client.query<{ n: string; once: string }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE submit_count = 1) AS once FROM sim_deliveries WHERE message_sid = ANY($1)`,
        [accepted],
      );
      expect(carrier.rows[0]).toEqual({ n: String(MESSAGES), once: String(MESSAGES) });
      const events = await client.query<{ n: string }>(`SELECT count(*) AS n FROM message_events WHERE message_sid = ANY($1) AND status = 'sent'`, [accepted]);
      expect(Number(events.rows[0]!.n)).toBe(MESSAGES);

      // No sender over its limit in any 1 s window, as the carrier saw it.
      const limits = new Map(numbers.map((n) => [n.phone, n.mps]));
      const worst = await client.query<{ from: string; n: string }>(
        `SELECT a."from", max(w.n) AS n FROM sim_deliveries a
           CROSS JOIN LATERAL (SELECT count(*) AS n FROM sim_deliveries b
                                WHERE b."from" = a."from" AND b.received_at >= a.received_at AND b.received_at < a.received_at + interval '1 second') w
          WHERE a.account_sid = $1 GROUP BY a."from"`,
        [account.sid],
      );
      expect(worst.rows.length).toBeGreaterThanOrEqual(5);
      for (const row of worst.rows) expect({ from: row.from, n: Number(row.n) }).toEqual({ from: row.from, n: Math.min(Number(row.n), limits.get(row.from)!) });

      // Both workers did work, and both apps took creates (each process's own counters).
      const created = await Promise.all(APPS.map(async (p) => (await (await fetch(`http://127.0.0.1:${p}/metrics`)).text()).match(/^switchyard_messages_created_total\{service="MG[0-9a-f]+"\} (\d+)/m)?.[1]));
      for (const n of created) expect(Number(n)).toBeGreaterThan(0);
      const sent = await Promise.all(
        WORKER_METRICS.map(async (p) => {
          const text = await (await fetch(`http://127.0.0.1:${p}/metrics`)).text();
          return [...text.matchAll(/^switchyard_messages_status_total\{status="sent",[^}]*\} (\d+)/gm)].reduce((s, m) => s + Number(m[1]), 0);
        }),
      );
      for (const n of sent) expect(n).toBeGreaterThan(0);
      expect(sent[0]! + sent[1]!).toBe(MESSAGES + trickleSids.length);
      console.log(`scale-out: ${MESSAGES} creates in ${createSeconds.toFixed(1)} s through 2 apps; sent by worker 1/2: ${sent.join("/")}; first message routed ${probeRow.at.getTime() - changedAt} ms after the pool change (${late.length} after the margin, ${insideTtl} of them inside the 1 s TTL, all from the new number)`);
    },
    240_000,
  );
});
