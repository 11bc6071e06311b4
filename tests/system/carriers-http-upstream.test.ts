import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSid } from "@/lib/server/ids";
import { dropTestDatabase, freshTestDatabase } from "@/lib/server/db/test-database";

/**
 * Two Switchyard installations, each `scripts/start.ts --prod` (front
 * server, workers, Next) on its own database: "ours" sends through an HTTP
 * upstream carrier whose upstream is "theirs". Their status callbacks and
 * inbound webhooks come back to our /carriers/<CR>/… endpoints, signed with
 * their account's auth token. Needs `next build` first (the system project).
 * Ports: 3560-3582 (this engineer's range).
 */
const OURS = { port: 3570, link: 3571 };
const THEIRS = { port: 3580, link: 3581 };
const hex = (n: number) => randomBytes(n).toString("hex");

interface Install {
  url: string;
  db: pg.Client;
  dbUrl: string;
  accountSid: string;
  authToken: string;
  child: ChildProcess;
}
const installs: Install[] = [];

async function start(name: string, ports: { port: number; link: number }): Promise<Install> {
  const dbUrl = await freshTestDatabase(`carriers_sys_${name}_${process.pid}`);
  const accountSid = newSid("AC");
  const authToken = hex(16);
  const url = `http://127.0.0.1:${ports.port}`;
  // As an operator runs it: no SECRETS_KEY or NEXTAUTH_SECRET, so the carrier's token is sealed (by the API, in
  // Next) and opened (by the workers, in the launcher) with the secret `npm start` keeps in .data/.
  const { SECRETS_KEY: _k, NEXTAUTH_SECRET: _n, ...inherited } = process.env;
  const child = spawn("npx", ["tsx", "scripts/start.ts", "--prod"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...inherited,
      PORT: String(ports.port),
      LINK_HTTP_PORT: String(ports.link),
      DATABASE_URL: dbUrl,
      PUBLIC_BASE_URL: url,
      SWITCHYARD_ACCOUNT_SID: accountSid,
      SWITCHYARD_AUTH_TOKEN: authToken,
      SWITCHYARD_ADMIN_PASSWORD: hex(12),
      WORKER_CONCURRENCY: "16",
    },
  });
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const install = { url, db, dbUrl, accountSid, authToken, child };
  installs.push(install);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/login`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error(`${name} never answered`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return install;
}

const basic = (i: Install) => "Basic " + Buffer.from(`${i.accountSid}:${i.authToken}`).toString("base64");
async function api(i: Install, method: string, path: string, form?: Record<string, string>) {
  const res = await fetch(i.url + path, {
    method,
    headers: { authorization: basic(i), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

let ours: Install;
let theirs: Install;
let carrierSid = "";
const number = "+14155559" + String(Math.floor(Math.random() * 900) + 100);

beforeAll(async () => {
  [theirs, ours] = await Promise.all([start("theirs", THEIRS), start("ours", OURS)]);
  // Ours: the carrier created through the Carriers API (their account and token), and the number bound to it.
  const carrier = await api(ours, "POST", "/v1/Carriers", { FriendlyName: "theirs", Type: "twilio", BaseUrl: theirs.url, AccountSid: theirs.accountSid, AuthToken: theirs.authToken });
  expect(carrier.status).toBe(201);
  carrierSid = carrier.body.sid as string;
  const numberSid = newSid("PN");
  await ours.db.query(
    `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, iso_country, number_type, updated_at)
     VALUES ($1, $2, $3, 'n', 'US', 'local', now())`,
    [numberSid, ours.accountSid, number],
  );
  const bound = await api(ours, "POST", `/2010-04-01/Accounts/${ours.accountSid}/IncomingPhoneNumbers/${numberSid}.json`, { CarrierSid: carrierSid });
  expect(bound.status).toBe(200);
  // Theirs: the number lives there too; its incoming messages go to our carrier's inbound endpoint.
  await theirs.db.query(
    `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, iso_country, number_type, sms_url, updated_at)
     VALUES ($1, $2, $3, 'n', 'US', 'local', $4, now())`,
    [newSid("PN"), theirs.accountSid, number, `${ours.url}/carriers/${carrierSid}/Inbound`],
  );
});

afterAll(async () => {
  for (const i of installs) {
    try {
      if (i.child.pid) process.kill(-i.child.pid, "SIGTERM");
    } catch {
      // gone
    }
  }
  await new Promise((r) => setTimeout(r, 3_000));
  for (const i of installs) {
    await i.db.end().catch(() => undefined);
    await dropTestDatabase(i.dbUrl).catch(() => undefined);
  }
});

describe("HTTP upstream between two Switchyard processes", () => {
  it("the carrier binds (credential check), a message sent through our API is delivered by theirs and reported back", async () => {
    // The credential check binds it; the Carriers API shows the live state the runtime writes.
    await waitFor(async () => (await api(ours, "GET", `/v1/Carriers/${carrierSid}`)).body.state === "bound");
    const created = await api(ours, "POST", `/2010-04-01/Accounts/${ours.accountSid}/Messages.json`, { From: number, To: "+14155550142", Body: "via the upstream" });
    expect(created.status).toBe(201);
    const sid = created.body.sid as string;
    const done = await waitFor(async () => {
      const m = await api(ours, "GET", `/2010-04-01/Accounts/${ours.accountSid}/Messages/${sid}.json`);
      return ["delivered", "undelivered", "failed"].includes(m.body.status as string) ? m.body : undefined;
    });
    expect(done).toMatchObject({ status: "delivered", from: number, to: "+14155550142" });
    const ourRow = (await ours.db.query("SELECT carrier_sid, routing_trace FROM messages WHERE sid = $1", [sid])).rows[0];
    expect(ourRow.carrier_sid).toBe(carrierSid);
    expect(ourRow.routing_trace.trace).toContain(`carrier: sender bound to ${carrierSid}`);
    const sub = (await ours.db.query("SELECT carrier_message_id, status FROM carrier_submissions WHERE message_sid = $1", [sid])).rows[0];
    expect(sub.status).toBe("delivered");
    const theirRow = (await theirs.db.query("SELECT account_sid, body, status, status_callback FROM messages WHERE sid = $1", [sub.carrier_message_id])).rows[0];
    expect(theirRow).toMatchObject({ account_sid: theirs.accountSid, body: "via the upstream", status: "delivered", status_callback: `${ours.url}/carriers/${carrierSid}/StatusCallback` });
  });

  it("an incoming message at theirs reaches our inbound pipeline through the signed webhook", async () => {
    const injected = await api(theirs, "POST", "/sim/Inbound", { From: "+14155550143", To: number, Body: "reply from a handset" });
    expect(injected.status).toBe(201);
    const mine = await waitFor(async () => (await ours.db.query("SELECT sid, body, status, \"from\" FROM messages WHERE direction = 'inbound' AND \"to\" = $1", [number])).rows[0]);
    expect(mine).toMatchObject({ body: "reply from a handset", status: "received", from: "+14155550143" });
    // Their side records our answer after it arrived (we stored the message before answering).
    const handling = await waitFor(async () => (await theirs.db.query("SELECT outcome, response_status FROM inbound_handling WHERE message_sid = $1 AND completed_at IS NOT NULL", [injected.body.sid])).rows[0]);
    expect(handling).toMatchObject({ outcome: "webhook", response_status: 200 });
  });
});
