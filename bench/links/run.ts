/**
 * bench:links — the redirect under load, click recording included.
 * A fresh database gets one domain and 1,000 short links; the link listener
 * runs in its own process (as in production); this process drives it over
 * keep-alive connections for a fixed time and reports throughput, latency
 * percentiles and ratios against the target (5,000 req/s, p99 < 20 ms). It
 * then checks that every answered redirect left exactly one click row.
 *
 * Env: LINK_BENCH_SECONDS (10), LINK_BENCH_CONNECTIONS (64), LINK_BENCH_PORT (4299).
 * To measure a server that is already running (e.g. `next start` routing by
 * Host through proxy.ts), set LINK_BENCH_DATABASE_URL to its database and
 * LINK_BENCH_PORT to its port: the links are seeded there, nothing is spawned.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import pg from "pg";
import { dropTestDatabase, freshTestDatabase } from "@/lib/server/db/test-database";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";

const SECONDS = Number(process.env.LINK_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LINK_BENCH_CONNECTIONS ?? 64);
const PORT = Number(process.env.LINK_BENCH_PORT ?? 4299);
const TARGET_RPS = 5_000;
const TARGET_P99_MS = 20;
const LINKS = 1_000;

const external = process.env.LINK_BENCH_DATABASE_URL;
const url = external ?? (await freshTestDatabase(`bench_links_${process.pid}`));
await migrateQueueSchema(url);
// Unique per run, so seeding into an existing database never collides.
const tag = `${Date.now().toString(16)}${process.pid.toString(16)}`.padStart(32, "0").slice(-32);
const [AC, MG, DN, ZK] = ["AC", "MG", "DN", "ZK"].map((p) => p + tag);
const DOMAIN = `b${tag.slice(-10)}.bench-links.test`;
const slugs = Array.from({ length: LINKS }, (_, i) => `${tag.slice(-5)}${String(i).padStart(5, "0")}`);
const pool = new pg.Pool({ connectionString: url, max: 2 });
await pool.query(`INSERT INTO accounts (sid, friendly_name, auth_token, updated_at) VALUES ($1, 'bench', 'x', now())`, [AC]);
await pool.query(`INSERT INTO services (sid, account_sid, friendly_name, updated_at) VALUES ($1, $2, 'bench', now())`, [MG, AC]);
await pool.query(`INSERT INTO link_domains (sid, account_sid, domain_name, config_sid) VALUES ($1, $2, $3, $4)`, [DN, AC, DOMAIN, ZK]);
await pool.query(
  `INSERT INTO short_links (slug, account_sid, domain_sid, service_sid, message_sid, recipient, original_url, created_at)
   SELECT s, $2, $3, $4, 'SM' || lpad(i::text, 32, '0'), '+14155550100', 'https://example.org/p/' || i, now() AT TIME ZONE 'UTC'
     FROM unnest($1::text[]) WITH ORDINALITY AS t(s, i)`,
  [slugs, AC, DN, MG],
);

let server: ReturnType<typeof spawn> | null = null;
if (!external) {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/links/server.ts", url, String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  server = child;
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`link server exited ${code}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
function hit(slug: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, path: `/${slug}`, agent, headers: { host: DOMAIN, "user-agent": "bench" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function drive(ms: number, record: boolean) {
  const latencies: number[] = [];
  let redirects = 0;
  let other = 0;
  const end = performance.now() + ms;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const slug = slugs[n++ % LINKS] as string;
        const t0 = performance.now();
        const status = await hit(slug);
        if (record) latencies.push(performance.now() - t0);
        if (status === 302) redirects++;
        else other++;
      }
    }),
  );
  return { latencies, redirects, other };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

await drive(2_000, false); // warm-up: caches, JIT, connections
const clicks = async () => Number((await pool.query(`SELECT count(*) FROM link_clicks WHERE account_sid = $1`, [AC])).rows[0].count);
const before = await clicks();
const t0 = performance.now();
const run = await drive(SECONDS * 1000, true);
const elapsed = (performance.now() - t0) / 1000;
const after = await clicks();
const sorted = run.latencies.sort((a, b) => a - b);
const rps = run.latencies.length / elapsed;
const p99 = pct(sorted, 99);

console.log(`bench:links  ${external ? `running server on :${PORT}` : "dedicated link listener"}, ${SECONDS}s, ${CONNECTIONS} keep-alive connections, ${LINKS} links, click recording on`);
console.log(`  requests      ${run.latencies.length} (${run.redirects} redirects, ${run.other} other)`);
console.log(`  throughput    ${rps.toFixed(0)} req/s   target ${TARGET_RPS}   ratio ${(rps / TARGET_RPS).toFixed(2)}x`);
console.log(`  latency ms    p50 ${pct(sorted, 50).toFixed(2)}  p90 ${pct(sorted, 90).toFixed(2)}  p99 ${p99.toFixed(2)}  max ${(sorted[sorted.length - 1] ?? 0).toFixed(2)}`);
console.log(`  p99 target    < ${TARGET_P99_MS} ms   ratio ${(TARGET_P99_MS / Math.max(p99, 0.001)).toFixed(2)}x (>1 meets it)`);
console.log(`  clicks stored ${after - before} for ${run.redirects} redirects answered ${after - before === run.redirects ? "(every answered click committed)" : "(MISMATCH)"}`);

agent.destroy();
if (server) {
  const child = server;
  await new Promise<void>((r) => {
    child.removeAllListeners("exit");
    child.on("exit", () => r());
    child.kill("SIGTERM");
  });
}
await pool.end();
if (!external) await dropTestDatabase(url);
process.exit(after - before === run.redirects ? 0 : 1);
