/**
 * bench:links — the redirect under load, click recording included.
 * A fresh database gets one domain and 1,000 short links; the link listener
 * runs in its own process (as in production); this process drives it over
 * keep-alive connections for a fixed time and reports throughput, latency
 * percentiles and ratios against the target (5,000 req/s, p99 < 20 ms). It
 * then checks that every answered redirect left exactly one click row.
 *
 * Env: LINK_BENCH_SECONDS (10), LINK_BENCH_CONNECTIONS (64), LINK_BENCH_PORT (4299).
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
const DOMAIN = "bench.links.test";
const LINKS = 1_000;

const url = await freshTestDatabase(`bench_links_${process.pid}`);
await migrateQueueSchema(url);
const pool = new pg.Pool({ connectionString: url, max: 2 });
await pool.query(`INSERT INTO accounts (sid, friendly_name, auth_token, updated_at) VALUES ('AC00000000000000000000000000000001', 'bench', 'x', now())`);
await pool.query(`INSERT INTO services (sid, account_sid, friendly_name, updated_at) VALUES ('MG00000000000000000000000000000001', 'AC00000000000000000000000000000001', 'bench', now())`);
await pool.query(`INSERT INTO link_domains (sid, account_sid, domain_name, config_sid) VALUES ('DN00000000000000000000000000000001', 'AC00000000000000000000000000000001', $1, 'ZK00000000000000000000000000000001')`, [DOMAIN]);
const slugs = Array.from({ length: LINKS }, (_, i) => `bench${String(i).padStart(5, "0")}`);
await pool.query(
  `INSERT INTO short_links (slug, account_sid, domain_sid, service_sid, message_sid, recipient, original_url, created_at)
   SELECT s, 'AC00000000000000000000000000000001', 'DN00000000000000000000000000000001', 'MG00000000000000000000000000000001',
          'SM' || lpad(i::text, 32, '0'), '+14155550100', 'https://example.org/p/' || i, now() AT TIME ZONE 'UTC'
     FROM unnest($1::text[]) WITH ORDINALITY AS t(s, i)`,
  [slugs],
);

const server = spawn("npx", ["tsx", "bench/links/server.ts", url, String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise<void>((resolve, reject) => {
  server.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
  server.on("exit", (code) => reject(new Error(`link server exited ${code}`)));
});

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
const before = Number((await pool.query(`SELECT count(*) FROM link_clicks`)).rows[0].count);
const t0 = performance.now();
const run = await drive(SECONDS * 1000, true);
const elapsed = (performance.now() - t0) / 1000;
const after = Number((await pool.query(`SELECT count(*) FROM link_clicks`)).rows[0].count);
const sorted = run.latencies.sort((a, b) => a - b);
const rps = run.latencies.length / elapsed;
const p99 = pct(sorted, 99);

console.log(`bench:links  ${SECONDS}s, ${CONNECTIONS} keep-alive connections, ${LINKS} links, click recording on`);
console.log(`  requests      ${run.latencies.length} (${run.redirects} redirects, ${run.other} other)`);
console.log(`  throughput    ${rps.toFixed(0)} req/s   target ${TARGET_RPS}   ratio ${(rps / TARGET_RPS).toFixed(2)}x`);
console.log(`  latency ms    p50 ${pct(sorted, 50).toFixed(2)}  p90 ${pct(sorted, 90).toFixed(2)}  p99 ${p99.toFixed(2)}  max ${(sorted[sorted.length - 1] ?? 0).toFixed(2)}`);
console.log(`  p99 target    < ${TARGET_P99_MS} ms   ratio ${(TARGET_P99_MS / Math.max(p99, 0.001)).toFixed(2)}x (>1 meets it)`);
console.log(`  clicks stored ${after - before} for ${run.redirects} redirects answered ${after - before === run.redirects ? "(every answered click committed)" : "(MISMATCH)"}`);

server.kill("SIGTERM");
agent.destroy();
await pool.end();
await dropTestDatabase(url);
process.exit(after - before === run.redirects ? 0 : 1);
