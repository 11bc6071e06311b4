/**
 * npm run bench:console — how fast console pages answer on the production
 * server (`scripts/start.ts`, the build `npm start` serves), signed in:
 * every console page, WARMUP unmeasured GETs then SAMPLES measured ones each,
 * one at a time (a person clicking, not a load test), p50/p95/max per page
 * against the 300 ms p95 target (docs/performance.md "Console pages").
 * Seeds its own database (switchyard_bench_console): one account with a
 * service, three short codes and MESSAGES sent through the API and delivered
 * by the simulator, so the logs and service pages have rows to show.
 * Port BENCH_PORT (3270). Needs a current production build (builds if not).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/server/auth/password";
import { freshTestDatabase } from "@/lib/server/db/test-database";
import { ensureProductionBuild } from "@/scripts/next-process";
import { run, stopChildren, waitHttp } from "../child-processes";

const port = Number(process.env.BENCH_PORT ?? 3270);
const WARMUP = Number(process.env.WARMUP ?? 5);
const SAMPLES = Number(process.env.SAMPLES ?? 40);
const MESSAGES = Number(process.env.MESSAGES ?? 300);
const TARGET_P95_MS = 300;
const hex = (n: number) => randomBytes(n).toString("hex");
const base = `http://127.0.0.1:${port}`;

/** A cookie jar of one origin: enough for next-auth's csrf and session cookies. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

async function main() {
  await ensureProductionBuild(process.env.NEXT_DIST_DIR ?? ".next");
  const url = await freshTestDatabase("bench_console");
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const accountSid = "AC" + hex(16);
  const token = hex(16);
  const serviceSid = "MG" + hex(16);
  const email = `bench-${hex(4)}@console.bench`;
  const password = "pw-" + hex(8);
  await db.query(`INSERT INTO accounts (sid, friendly_name, auth_token, updated_at) VALUES ($1, 'bench', $2, now())`, [accountSid, token]);
  await db.query(`INSERT INTO users (id, account_sid, email, name, password_hash) VALUES (gen_random_uuid(), $1, $2, 'Bench', $3)`, [accountSid, email, await hashPassword(password)]);
  await db.query(`INSERT INTO services (sid, account_sid, friendly_name, sticky_sender, updated_at) VALUES ($1, $2, 'bench service', false, now())`, [serviceSid, accountSid]);
  for (let i = 0; i < 3; i++) {
    await db.query(`INSERT INTO short_codes (sid, account_sid, short_code, iso_country, service_sid, added_to_service_at, updated_at) VALUES ($1, $2, $3, 'US', $4, now(), now())`, [
      "SC" + hex(16), accountSid, String(52000 + i), serviceSid,
    ]);
  }

  const server = run("npx", ["tsx", "scripts/start.ts"], {
    DATABASE_URL: url, PORT: String(port), PUBLIC_BASE_URL: base, NEXTAUTH_URL: base, NEXTAUTH_SECRET: "bench-console", NEXT_TELEMETRY_DISABLED: "1",
  });
  server.on("exit", (code) => code && console.error(`server exited (${code})`));
  await waitHttp(`${base}/login`);

  // Messages through the API, delivered by the simulator (the workers run in the server process).
  const auth = "Basic " + Buffer.from(`${accountSid}:${token}`).toString("base64");
  for (let i = 0; i < MESSAGES; i++) {
    const res = await fetch(`${base}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ To: `+1415${String(3000000 + i)}`, MessagingServiceSid: serviceSid, Body: `console bench ${i}` }),
    });
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
  }
  const { rows: [aMessage] } = await db.query<{ sid: string }>(`SELECT sid FROM messages WHERE account_sid = $1 LIMIT 1`, [accountSid]);

  // Signed in as a browser is: next-auth's csrf cookie, then the credentials callback's session cookie.
  const jar = new Jar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.take(signIn);
  if (!jar.header().includes("session-token")) throw new Error(`sign-in failed (${signIn.status})`);

  const pages = [
    "/services", "/services/new", `/services/${serviceSid}`, `/services/${serviceSid}/sender-pool`, `/services/${serviceSid}/integration`,
    `/services/${serviceSid}/opt-out`, `/services/${serviceSid}/opt-out/list`, `/services/${serviceSid}/content`, `/services/${serviceSid}/compliance`,
    `/services/${serviceSid}/links`, "/numbers", "/logs", `/logs/${aMessage!.sid}`, "/conversations", "/send", "/alerts", "/domains", "/settings",
  ];
  console.log(`\n== Console pages, production build, signed in: ${WARMUP} warm-up + ${SAMPLES} GETs each, one at a time (${MESSAGES} messages in the account) ==`);
  console.log("page".padEnd(48) + "p50 ms".padStart(8) + "p95 ms".padStart(8) + "max ms".padStart(8) + "  vs 300 ms p95");
  let worst = 0;
  for (const path of pages) {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const t0 = performance.now();
      const res = await fetch(base + path, { headers: { cookie: jar.header() }, redirect: "manual" });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      if (i >= WARMUP) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
    worst = Math.max(worst, q(0.95));
    console.log(path.replace(serviceSid, "MG…").replace(aMessage!.sid, "SM…").padEnd(48) + q(0.5).toFixed(0).padStart(8) + q(0.95).toFixed(0).padStart(8) + times[times.length - 1]!.toFixed(0).padStart(8) + `  ${q(0.95) <= TARGET_P95_MS ? "meets" : "MISSES"}`);
  }
  console.log(`worst page p95: ${worst.toFixed(0)} ms (${(worst / TARGET_P95_MS).toFixed(2)}x of the ${TARGET_P95_MS} ms target; <= 1 meets it)`);
  await db.end();
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => stopChildren());
