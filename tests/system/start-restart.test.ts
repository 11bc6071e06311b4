import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth, cleanUp, ensureBuilt, instanceDbUrl, newAccount, startInstance, stopInstance, tempDataDir, type Instance } from "./start-process";

/**
 * A restart under load (docs/operations.md "Starting and stopping"): creates
 * are sent without pause while the server gets SIGTERM and is started again.
 * Every create answered 201 is a message that exists exactly once and reaches
 * a final status, no message exists that was not answered 201, and the
 * carrier (the simulator) was handed each message once (submit_count = 1).
 */
const PORT = 3240;
const dataDir = tempDataDir("restart");
const account = newAccount();
const env = { SWITCHYARD_ACCOUNT_SID: account.sid, SWITCHYARD_AUTH_TOKEN: account.token };
let current: Instance | undefined;

beforeAll(ensureBuilt);
afterAll(async () => {
  if (current) await stopInstance(current);
  await cleanUp(dataDir);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FINAL = ["delivered", "undelivered", "failed"];

describe("restart under load", () => {
  it("loses and duplicates nothing", async () => {
    current = await startInstance({ port: PORT, dataDir, env });
    const db = new pg.Pool({ connectionString: instanceDbUrl(dataDir), max: 2 });
    // The instance stops its embedded PostgreSQL on SIGTERM: this pool's idle connections are cut then.
    db.on("error", () => undefined);
    const serviceSid = "MG" + account.sid.slice(2);
    await db.query(`INSERT INTO services (sid, account_sid, friendly_name, sticky_sender, updated_at) VALUES ($1, $2, 'restart', false, now())`, [serviceSid, account.sid]);
    for (let i = 0; i < 3; i++) {
      await db.query(`INSERT INTO short_codes (sid, account_sid, short_code, iso_country, service_sid, added_to_service_at, updated_at) VALUES ($1, $2, $3, 'US', $4, now(), now())`, [
        "SC" + account.sid.slice(2, 32) + String(i).padStart(2, "0"), account.sid, String(61000 + i), serviceSid,
      ]);
    }

    // The load: 4 senders, each one create after another, retrying (with a new number) whatever was not a 201.
    const accepted: string[] = [];
    let refused = 0;
    let other = 0;
    let running = true;
    let n = 0;
    const endpoint = `http://127.0.0.1:${PORT}/2010-04-01/Accounts/${account.sid}/Messages.json`;
    const sender = async () => {
      while (running) {
        const i = n++;
        try {
          const res = await fetch(endpoint, {
            method: "POST",
            headers: { authorization: basicAuth(account.sid, account.token), "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ To: `+1415${String(5000000 + i)}`, MessagingServiceSid: serviceSid, Body: `restart test ${i}` }),
          });
          const body = (await res.json()) as { sid?: string };
          if (res.status === 201 && body.sid) accepted.push(body.sid);
          else other++;
        } catch {
          refused++; // the port is closed while the server restarts
          await sleep(100);
        }
      }
    };
    const senders = Array.from({ length: 4 }, sender);

    await sleep(4000);
    const beforeStop = accepted.length;
    expect(await stopInstance(current)).toBe(0);
    expect(current.output()).toContain("Stopped.");
    const restarted = Date.now();
    current = await startInstance({ port: PORT, dataDir, env });
    const downMs = Date.now() - restarted;
    await sleep(4000);
    running = false;
    await Promise.all(senders);
    const afterRestart = accepted.length - beforeStop;
    console.log(`accepted ${accepted.length} (${beforeStop} before SIGTERM, ${afterRestart} after); ${refused} refused while down (${downMs} ms), ${other} other answers`);
    expect(beforeStop).toBeGreaterThan(20);
    expect(afterRestart).toBeGreaterThan(20);
    // Nothing answered 5xx (or anything but 201): while down the port was closed, not erroring.
    expect(other).toBe(0);

    // Every accepted message reaches a final status.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE sid = ANY($1) AND status = ANY($2)`, [accepted, FINAL]);
      if (Number(rows[0]?.n) === accepted.length) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0]?.n} of ${accepted.length} messages final after 90 s`);
      await sleep(500);
    }
    // Exactly once: no duplicate answers, no message the client never saw accepted.
    expect(new Set(accepted).size).toBe(accepted.length);
    const all = await db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE account_sid = $1`, [account.sid]);
    expect(Number(all.rows[0]?.n)).toBe(accepted.length);
    // Handed to the carrier once each: one simulator delivery per delivered message, none submitted twice.
    const sim = await db.query<{ n: string; twice: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE submit_count <> 1) AS twice FROM sim_deliveries WHERE message_sid = ANY($1)`,
      [accepted],
    );
    const delivered = await db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE sid = ANY($1) AND status = 'delivered'`, [accepted]);
    expect(Number(delivered.rows[0]?.n)).toBe(accepted.length);
    expect(Number(sim.rows[0]?.n)).toBe(accepted.length);
    expect(Number(sim.rows[0]?.twice)).toBe(0);
    await db.end();
  });
});
