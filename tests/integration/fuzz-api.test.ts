import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/server/services/accounts/create-account";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";

/**
 * Issue 18 "keep it fixed": seeded random and malformed requests over every
 * REST route handler (every route.ts under app/v1 and app/2010-04-01, each
 * exported method). No answer may be a 5xx, and every error must be
 * Twilio's JSON shape. FUZZ_SEED=<n> replays a run; the seed is printed on
 * failure. The front server's own answers (405, 413, 431, path encoding)
 * are covered by security-errors.test.ts.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 4;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Route {
  file: string;
  template: string;
  method: string;
  handler: Handler;
}

function findRoutes(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findRoutes(p));
    else if (e.name === "route.ts") out.push(p);
  }
  return out;
}

const routes: Route[] = [];
let accountSid = "";
let authToken = "";

beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  const a = await createAccount({ friendlyName: "fuzz", email: `fuzz-${randomBytes(5).toString("hex")}@int.test`, password: "long-enough-pass" });
  accountSid = a.account.sid;
  authToken = a.account.authToken;
  for (const root of ["app/v1", "app/2010-04-01"]) {
    for (const file of findRoutes(root)) {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      const template = "/" + path.dirname(file).replace(/^app\//, "");
      for (const method of ["GET", "POST", "DELETE"]) {
        if (typeof mod[method] === "function") routes.push({ file, template, method, handler: mod[method] as Handler });
      }
    }
  }
}, 120_000);

describe("API fuzz", () => {
  it(`${REQUESTS} seeded requests: no 5xx, every error in Twilio's shape (seed ${SEED})`, async () => {
    expect(routes.length).toBeGreaterThan(20);
    const rnd = mulberry32(SEED);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join("");
    const junk = () =>
      pick([
        "",
        "\u0000",
        "a\u0000b",
        "%",
        "%E0%A4%A",
        "-1",
        "0",
        "1e309",
        "99999999999999999999",
        "-99999999999999999999",
        "NaN",
        "null",
        "[]",
        "{}",
        "true",
        "x".repeat(Math.floor(rnd() * 5000)),
        "\u{1F600}".repeat(50),
        "'; DROP TABLE messages; --",
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://x\")",
        "+14155550100",
        "whatsapp:+14155550100",
        "2026-13-45",
        "-271821-04-20",
        "+275760-09-13T00:00:00Z",
        "0000-00-00",
        "PT99999999999999999999",
        "PA" + Buffer.from(`${Math.floor(rnd() * 1e20)}:SM${hex(32)}`).toString("base64url"),
        "PA" + hex(10),
        "http://127.0.0.1:5432/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "\ud800",
        `AC${hex(32)}`,
        `MG${hex(32)}`,
        `PN${hex(32)}`,
        `SM${hex(32)}`,
        `NO${"f".repeat(32)}`,
        String(Math.floor(rnd() * 2000) - 1000),
      ]);
    const sidFor = (name: string) => {
      const prefix = /account/i.test(name) ? "AC" : /service/i.test(name) ? "MG" : /domain/i.test(name) ? "DN" : /phone/i.test(name) ? "+1415555" : "XX";
      return pick([accountSid, accountSid, `${prefix}${hex(32)}`, junk(), prefix + "\u0000", "%00", prefix]);
    };
    const PARAMS = ["Page", "PageSize", "PageToken", "Limit", "DateSent", "DateSent<", "DateSent>", "To", "From", "Body", "MessagingServiceSid", "StatusCallback", "FriendlyName", "PhoneNumber", "Sid", "LogLevel", "StartDate", "EndDate", "MediaUrl", "ContentSid", "ContentVariables", "ValidityPeriod", "SendAt", "ScheduleType", "InboundRequestUrl", "SmsUrl", "FallbackUrl", "AreaCode", "Contains", "UsecaseId", "Domain", "CallbackUrl", "FallbackUrl", "PhoneNumberSid", "AlphaSender", "ShortCodeSid", "Status"];
    const authHeader = () => {
      const r = rnd();
      if (r < 0.85) return "Basic " + Buffer.from(`${accountSid}:${authToken}`).toString("base64");
      if (r < 0.9) return "Basic " + Buffer.from(`AC${hex(32)}:${hex(32)}`).toString("base64");
      if (r < 0.95) return "Basic " + Buffer.from(`${junk()}:${junk()}`).toString("base64");
      return pick(["", "Bearer x", "Basic", "Basic !!!", "Basic " + "A".repeat(3000)]);
    };

    const failures: string[] = [];
    let done = 0;
    const statuses = new Map<number, number>();
    const one = async (i: number) => {
      const route = pick(routes);
      const params: Record<string, string> = {};
      const urlPath = route.template.replace(/\[(\w+)\]/g, (_m, name: string) => {
        const v = sidFor(name);
        params[name] = v;
        try {
          return encodeURIComponent(v);
        } catch {
          return "%ED%A0%80"; // a lone surrogate: what a client would have to send for it
        }
      });
      const q = new URLSearchParams();
      const fields: [string, unknown][] = [];
      const n = Math.floor(rnd() * 6);
      for (let k = 0; k < n; k++) {
        const key = rnd() < 0.9 ? pick(PARAMS) : junk();
        q.append(key, junk());
        fields.push([key, rnd() < 0.7 ? junk() : pick([1, -1, 1e309, true, null, {}, [], ["a", 1], { a: [1] }])]);
      }
      const headers = new Headers({ "x-switchyard-client-ip": `fuzz-${i % 50}` });
      const auth = authHeader();
      if (auth) headers.set("authorization", auth);
      let body: string | undefined;
      if (route.method === "POST") {
        const kind = rnd();
        if (kind < 0.6) {
          headers.set("content-type", "application/x-www-form-urlencoded");
          body = new URLSearchParams(fields.map(([k, v]) => [k, String(v)])).toString();
        } else if (kind < 0.9) {
          headers.set("content-type", "application/json");
          body = pick([JSON.stringify(Object.fromEntries(fields)), "[1,2,3]", "\"str\"", "42", "null", "{", JSON.stringify({ Body: { x: 1 }, To: [1, 2] })]);
        } else {
          headers.set("content-type", pick(["text/plain", "multipart/form-data", "application/xml"]));
          body = junk();
        }
      }
      const url = `http://localhost${urlPath}${route.method === "POST" && rnd() < 0.7 ? "" : "?" + q.toString()}`;
      const label = `#${i} ${route.method} ${url.slice(0, 200)} (${route.file}) seed=${SEED}`;
      try {
        const res = await route.handler(new Request(url, { method: route.method, headers, body }), { params: Promise.resolve(params) });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${label} -> ${res.status} ${(await res.text()).slice(0, 200)}`);
        else if (res.status >= 400) {
          const text = await res.text();
          let b: Record<string, unknown> | null = null;
          try {
            b = JSON.parse(text) as Record<string, unknown>;
          } catch {
            /* reported below */
          }
          if (!b || typeof b.code !== "number" || typeof b.message !== "string" || b.status !== res.status || typeof b.more_info !== "string") {
            failures.push(`${label} -> ${res.status} not Twilio's shape: ${text.slice(0, 200)}`);
          }
        } else await res.arrayBuffer();
      } catch (err) {
        failures.push(`${label} -> threw ${String(err).slice(0, 200)}`);
      }
      done++;
    };
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) await one(next++);
      }),
    );
    const took = Date.now() - started;
    console.log(`fuzz: ${done} requests over ${routes.length} handlers in ${took} ms, seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(done).toBeGreaterThanOrEqual(REQUESTS);
    expect(failures.slice(0, 15), `FUZZ_SEED=${SEED} to replay; ${failures.length} failures`).toEqual([]);
  }, 300_000);
});
