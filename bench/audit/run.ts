/**
 * Audit log listing on a large table (docs/audit.md "Listing"): seeds EVENTS
 * audit events over a year for one account (and a tenth as many for a
 * second, so the account index has company), then times listAuditEvents,
 * the page's one query, SAMPLES times per case: the first page, a page deep
 * in the past by keyset, each filter, a date range, and combinations.
 * Prints p50/p95/max per case. Own database (switchyard_bench_audit),
 * dropped at the end. Run: npx tsx --conditions=react-server bench/audit/run.ts
 * (the condition lets the "server-only" marker import outside Next).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropTestDatabase, freshTestDatabase } from "@/lib/server/db/test-database";

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const SAMPLES = Number(process.env.SAMPLES ?? 40);
const hex = (n: number) => randomBytes(n).toString("hex");

async function seed(db: pg.Pool, accountSid: string, n: number) {
  await db.query(`INSERT INTO accounts (sid, friendly_name, auth_token, updated_at) VALUES ($1, 'bench', 'x', now())`, [accountSid]);
  // One statement per 100k rows keeps the WAL and memory bounded.
  for (let done = 0; done < n; done += 100_000) {
    const rows = Math.min(100_000, n - done);
    await db.query(
      `INSERT INTO audit_events (account_sid, created_at, actor_type, actor_id, actor_label, source, action, resource_type, resource_sid, service_sid, before, after)
       SELECT $1, now() - (random() * interval '365 days'),
              'user', 'u' || (g % 5), 'user' || (g % 5) || '@bench.test', CASE WHEN g % 3 = 0 THEN 'api' ELSE 'console' END,
              (ARRAY['service.update','service.create','sender_pool.add','sender_pool.remove','phone_number.update','opt_out.add','carrier.update','api_key.create','link_domain.update','a2p_campaign.update'])[1 + g % 10],
              'service', 'PN' || lpad(to_hex(g % 5000), 32, '0'), 'MG' || lpad(to_hex(g % 50), 32, '0'),
              jsonb_build_object('friendlyName', 'old ' || g), jsonb_build_object('friendlyName', 'new ' || g)
         FROM generate_series(1, $2::int) g`,
      [accountSid, rows],
    );
  }
}

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const url = await freshTestDatabase(`bench_audit`);
  process.env.DATABASE_URL = url;
  const db = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const a = "AC" + hex(16);
    const b = "AC" + hex(16);
    const t0 = Date.now();
    await seed(db, a, EVENTS);
    await seed(db, b, Math.round(EVENTS / 10));
    await db.query("ANALYZE audit_events");
    console.log(`seeded ${EVENTS + Math.round(EVENTS / 10)} events in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

    const { listAuditEvents, encodeAuditCursor } = await import("@/lib/server/services/audit/list-audit-events");
    const { rows: deep } = await db.query<{ id: string; created_at: Date }>(
      `SELECT id::text, created_at FROM audit_events WHERE account_sid = $1 AND created_at < now() - interval '300 days' ORDER BY created_at DESC, id DESC LIMIT 1`,
      [a],
    );
    const deepCursor = deep[0] ? encodeAuditCursor({ createdAt: deep[0].created_at, id: deep[0].id }) : undefined;
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const cases: [string, Parameters<typeof listAuditEvents>[1]][] = [
      ["first page", {}],
      ["page 300 days back (keyset)", { before: deepCursor }],
      ["newer from 300 days back", { after: deepCursor }],
      ["action", { action: "carrier.update" }],
      ["actor", { actor: "user3@bench.test" }],
      ["resource SID", { resource: "PN" + (1234).toString(16).padStart(32, "0") }],
      ["service SID (resource filter)", { resource: "MG" + (7).toString(16).padStart(32, "0") }],
      ["one week, 6 months ago", { from: day(187), to: day(181) }],
      ["action + one week", { action: "opt_out.add", from: day(187), to: day(181) }],
      ["actor + action + resource", { actor: "user1@bench.test", action: "service.create", resource: "MG" + (1).toString(16).padStart(32, "0") }],
      ["no match", { actor: "nobody@bench.test" }],
    ];
    console.log("| case | rows | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|");
    for (const [name, f] of cases) {
      await listAuditEvents(a, f); // warm the plan and the pages
      const ms: number[] = [];
      let n = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const s = performance.now();
        n = (await listAuditEvents(a, f)).events.length;
        ms.push(performance.now() - s);
      }
      ms.sort((x, y) => x - y);
      console.log(`| ${name} | ${n} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 95).toFixed(1)} | ${(ms[ms.length - 1] ?? 0).toFixed(1)} |`);
    }
  } finally {
    await db.end();
    const { db: prisma } = await import("@/lib/server/db/client");
    await prisma.$disconnect();
    await dropTestDatabase(url);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
