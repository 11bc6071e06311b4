/**
 * npm run bench:insights — every Messaging Insights query on ten million
 * messages (docs/performance.md "Messaging Insights"): p50 and p95 per
 * query and scope, and the ratio to the 200 ms target. Options: --rows N
 * (default 10,000,000; seeded once into switchyard_bench_insights and
 * reused), --runs N per case (default 20). Each run of a case uses another
 * service or sender.
 */
import { resolveRange, type RangeInput, type TimeRange } from "@/lib/core/insights/time-range";
import { BENCH_ACCOUNT, SERVICES, senderAt } from "../logs/seed";
import { benchDatabase } from "./seed";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROWS = arg("--rows", 10_000_000);
const RUNS = arg("--runs", 20);
const TARGET_MS = 200;
const log = (s: string) => console.log(s);
const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

async function main() {
  const t0 = performance.now();
  process.env.DATABASE_URL = await benchDatabase(ROWS, log);
  log(`database ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const q = await import("@/lib/server/services/insights/query-rollups");
  const { getInsightsReport } = await import("@/lib/server/services/insights/get-insights-report");
  const { getOverview } = await import("@/lib/server/services/insights/get-overview");
  const { db } = await import("@/lib/server/db/client");

  const now = new Date();
  const range = (r: RangeInput): TimeRange => resolveRange(r, now) as TimeRange;
  const twoDays = (() => {
    const d = (k: number) => new Date(now.getTime() - k * 86_400_000).toISOString().slice(0, 10);
    return range({ range: "custom", from: d(2), to: d(1) });
  })();
  const scopes: { name: string; scope: (r: number) => { range: TimeRange; service?: string; sender?: string } }[] = [
    { name: "24h", scope: () => ({ range: range({ range: "24h" }) }) },
    { name: "7d", scope: () => ({ range: range({ range: "7d" }) }) },
    { name: "30d", scope: () => ({ range: range({ range: "30d" }) }) },
    { name: "90d", scope: () => ({ range: range({ range: "90d" }) }) },
    { name: "custom 2 days (hourly)", scope: () => ({ range: twoDays }) },
    { name: "24h, one service", scope: (r) => ({ range: range({ range: "24h" }), service: SERVICES[r % SERVICES.length] }) },
    { name: "90d, one service", scope: (r) => ({ range: range({ range: "90d" }), service: SERVICES[r % SERVICES.length] }) },
    { name: "24h, one sender", scope: (r) => ({ range: range({ range: "24h" }), sender: senderAt(r * 97) }) },
    { name: "90d, one sender", scope: (r) => ({ range: range({ range: "90d" }), sender: senderAt(r * 97) }) },
    { name: "90d, service + sender", scope: (r) => ({ range: range({ range: "90d" }), service: SERVICES[r % SERVICES.length], sender: senderAt(r * 97) }) },
  ];
  const queries: { name: string; run: (s: { range: TimeRange; service?: string; sender?: string }) => Promise<unknown> }[] = [
    { name: "message counts", run: (s) => q.queryMessageCounts({ accountSid: BENCH_ACCOUNT, range: s.range, serviceSid: s.service, sender: s.sender }) },
    { name: "latency", run: (s) => q.queryLatency({ accountSid: BENCH_ACCOUNT, range: s.range, serviceSid: s.service, sender: s.sender }) },
    { name: "throughput peaks", run: (s) => q.queryPeaks({ accountSid: BENCH_ACCOUNT, range: s.range, serviceSid: s.service, sender: s.sender }) },
    { name: "events", run: (s) => q.queryEvents({ accountSid: BENCH_ACCOUNT, range: s.range, serviceSid: s.service, sender: s.sender }) },
    { name: "capacity", run: (s) => q.queryCapacity({ accountSid: BENCH_ACCOUNT, serviceSid: s.service, sender: s.sender }) },
    { name: "whole report", run: (s) => getInsightsReport(BENCH_ACCOUNT, s) },
  ];

  const sizes = await db.$queryRawUnsafe<{ t: string; n: bigint }[]>(
    `SELECT relname AS t, n_live_tup AS n FROM pg_stat_user_tables WHERE relname LIKE 'insight_%' ORDER BY 1`,
  );
  log(`rollup rows: ${sizes.map((s) => `${s.t} ${Number(s.n).toLocaleString("en-US")}`).join(", ")}`);
  log(`\n== Insights queries: ${RUNS} runs per case (after 2 warm-up runs) ==`);
  log(`${"scope".padEnd(24)} ${"query".padEnd(17)} ${"p50".padStart(8)} ${"p95".padStart(8)}  vs ${TARGET_MS} ms`);
  let worst = 0;
  for (const sc of scopes) {
    for (const qu of queries) {
      const times: number[] = [];
      for (let r = 0; r < RUNS + 2; r++) {
        const t = performance.now();
        await qu.run(sc.scope(r));
        if (r >= 2) times.push(performance.now() - t);
      }
      const p95 = p(times, 0.95);
      worst = Math.max(worst, p95);
      log(`${sc.name.padEnd(24)} ${qu.name.padEnd(17)} ${p(times, 0.5).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  ${(TARGET_MS / p95).toFixed(1)}x`);
    }
  }
  const ov: number[] = [];
  for (let r = 0; r < RUNS + 2; r++) {
    const t = performance.now();
    await getOverview(BENCH_ACCOUNT, new Date());
    if (r >= 2) ov.push(performance.now() - t);
  }
  worst = Math.max(worst, p(ov, 0.95));
  log(`${"overview".padEnd(24)} ${"today + queue".padEnd(17)} ${p(ov, 0.5).toFixed(1).padStart(8)} ${p(ov, 0.95).toFixed(1).padStart(8)}  ${(TARGET_MS / p(ov, 0.95)).toFixed(1)}x`);
  log(`\nworst p95 ${worst.toFixed(1)} ms: ${worst < TARGET_MS ? "met" : "NOT met"} (${(TARGET_MS / worst).toFixed(1)}x)`);
  await db.$disconnect();
  if (worst >= TARGET_MS) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
