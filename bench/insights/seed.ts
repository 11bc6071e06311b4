import pg from "pg";
import { applyMigrations } from "@/lib/server/db/migrate";
import { freshTestDatabase } from "@/lib/server/db/test-database";
import { BENCH_ACCOUNT, DAYS, insertChunk, OTHER_ACCOUNT, SERVICES } from "../logs/seed";

/** Bumped when the generated data changes, so an older seed is rebuilt rather than reused. */
const SEED_NAME = "Bench insights v1";
/** Writers: each inserts every WRITERS-th message over the whole 90 days, from its own connection, so each rollup key is spread over several shards as live traffic leaves it. */
export const WRITERS = 4;
const CHUNK = 1_000_000;

async function seeded(url: string, total: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return false;
  }
  try {
    const v = await client.query(`SELECT 1 FROM accounts WHERE sid = $1 AND friendly_name = $2`, [BENCH_ACCOUNT, SEED_NAME]);
    if (v.rowCount === 0) return false;
    const r = await client.query<{ n: string }>(`SELECT COALESCE(sum(count), 0) AS n FROM insight_message_days WHERE account_sid = $1`, [BENCH_ACCOUNT]);
    return Number(r.rows[0]?.n) === total;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/**
 * The Insights benchmark database (switchyard_bench_insights): the Message
 * Logs benchmark's ten million messages (bench/logs/seed.ts: 20 services,
 * 2,000 senders, 90 days, the same statuses and error codes), inserted with
 * the rollup triggers on, so the rollups are what the triggers build. The
 * messages' own secondary indexes are dropped (Insights never reads
 * messages). Latency histograms and opt-out/link events have no source rows
 * here (no message events, no opt-outs or links in the seed), so they are
 * generated with the shape live traffic gives them: every hour, service and
 * sender type, a dozen bins per kind; a handful of event kinds per hour and
 * service. Reused by later runs.
 */
export async function benchDatabase(total: number, log: (s: string) => void): Promise<string> {
  const probe = await benchUrl();
  if (await seeded(probe, total)) {
    await applyMigrations(probe);
    log(`reusing ${probe.replace(/\/\/[^@]*@/, "//")} (${total.toLocaleString("en-US")} messages)`);
    return probe;
  }
  const url = await freshTestDatabase("bench_insights");
  const clients = await Promise.all(Array.from({ length: WRITERS }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  const [admin] = clients as [pg.Client, ...pg.Client[]];
  try {
    await admin.query(`INSERT INTO accounts (sid, friendly_name, auth_token, updated_at) VALUES ($1, $4, $2, now()), ($3, 'Other', $2, now())`, [BENCH_ACCOUNT, "b".repeat(32), OTHER_ACCOUNT, SEED_NAME]);
    for (const [i, sid] of SERVICES.entries()) {
      await admin.query(`INSERT INTO services (sid, account_sid, friendly_name, updated_at) VALUES ($1, $2, $3, now())`, [sid, BENCH_ACCOUNT, `Bench service ${String(i + 1).padStart(2, "0")}`]);
    }
    // The overview's queue depth reads the (account, status) index; the others only slow the load down.
    const { rows: indexes } = await admin.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'messages' AND indexname <> 'messages_pkey'`,
    );
    for (const ix of indexes) await admin.query(`DROP INDEX "${ix.name}"`);
    const seededAt = new Date();
    for (let from = 0; from < total; from += CHUNK) {
      const t = performance.now();
      const to = Math.min(total, from + CHUNK);
      await Promise.all(
        clients.map((c, w) => c.query(insertChunk(BENCH_ACCOUNT, from, to, total, seededAt).replace(`generate_series(${from}, ${to - 1}) AS i`, `generate_series(${from + w}, ${to - 1}, ${WRITERS}) AS i`))),
      );
      log(`seeded ${to.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    await admin.query(insertChunk(OTHER_ACCOUNT, 0, 100_000, 100_000, seededAt).replace(/\(ARRAY\['MG[^\]]*\]\)\[1 \+ h\.a % 20\]/, "NULL"));
    for (const ix of indexes.filter((i) => i.name === "messages_account_sid_status_created_at_sid_idx")) await admin.query(ix.def);
    // Latency: for each hour, service and sender type with sent or delivered messages, 12 bins around ~1-8 s per kind.
    await admin.query(`
      INSERT INTO insight_latency_bins (account_sid, hour, service_sid, sender_type, kind, bin, shard, count)
      SELECT account_sid, hour, service_sid, sender_type, k.kind, 38 + b + (k.kind = 'delivered')::int * 8, 0, greatest(1, sum(count) / 12)
        FROM insight_message_counts, LATERAL (VALUES ('sent'), ('delivered')) k(kind), generate_series(0, 11) b
       WHERE status IN ('sent', 'delivered', 'undelivered') AND direction <> 'inbound'
       GROUP BY 1, 2, 3, 4, 5, 6`);
    await admin.query(`
      INSERT INTO insight_latency_days (account_sid, day, service_sid, sender_type, kind, bin, shard, count)
      SELECT account_sid, date_trunc('day', hour), service_sid, sender_type, kind, bin, 0, sum(count) FROM insight_latency_bins GROUP BY 1, 2, 3, 4, 5, 6`);
    await admin.query(`
      INSERT INTO insight_event_counts (account_sid, hour, service_sid, kind, shard, count)
      SELECT $1, h, s, k, 0, 1 + (hashtext(h::text || s || k) & 15)
        FROM generate_series(date_trunc('hour', now()::timestamp) - interval '${DAYS} days', date_trunc('hour', now()::timestamp), interval '1 hour') h,
             unnest($2::text[]) s, unnest(ARRAY['opt_out', 'opt_in', 'link_created', 'link_click', 'link_first_click']) k`, [BENCH_ACCOUNT, SERVICES]);
    await admin.query(`
      INSERT INTO insight_event_days (account_sid, day, service_sid, kind, shard, count)
      SELECT account_sid, date_trunc('day', hour), service_sid, kind, 0, sum(count) FROM insight_event_counts GROUP BY 1, 2, 3, 4`);
    await admin.query(`VACUUM ANALYZE`);
    return url;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function benchUrl(): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const u = new URL(base);
    u.pathname = `/${u.pathname.replace(/^\//, "") || "switchyard"}_bench_insights`;
    return u.toString();
  }
  const { startEmbeddedPostgres, embeddedUrl } = await import("@/lib/server/db/embedded");
  const server = await startEmbeddedPostgres();
  return embeddedUrl(server.port, "switchyard_bench_insights");
}
