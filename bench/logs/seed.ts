import pg from "pg";
import { applyMigrations } from "@/lib/server/db/migrate";
import { freshTestDatabase } from "@/lib/server/db/test-database";

/** What the Message Logs benchmark runs on: one busy account, a quiet one, 20 services. */
export const BENCH_ACCOUNT = "AC" + "b".repeat(32);
export const OTHER_ACCOUNT = "AC" + "c".repeat(32);
export const SERVICES = Array.from({ length: 20 }, (_, i) => "MG" + i.toString(16).padStart(32, "0"));
export const SENDERS = 2_000;
export const RECIPIENTS = 1_000_000;
/** Rows are spread evenly over this many days before the seed time. */
export const DAYS = 90;
export const BENCH_EMAIL = "bench@logs.bench";
export const BENCH_PASSWORD = "bench-logs-password";
/** Bumped when the generated data changes, so an older seed is rebuilt rather than reused. */
const SEED_NAME = "Bench logs v2";

export const senderAt = (i: number) => "+1415" + String(i % SENDERS).padStart(7, "0");
export const recipientAt = (i: number) => "+1646" + String(i % RECIPIENTS).padStart(7, "0");

const CHUNK = 1_000_000;

/**
 * Rows generated in SQL (generate_series), so ten million take minutes, not
 * hours. The distribution is a busy production account's: 90% outbound,
 * mostly delivered, a few percent failed/undelivered with realistic error
 * codes, 2,000 senders, a million recipients, 90 days.
 */
export function insertChunk(account: string, from: number, to: number, total: number, seededAt: Date): string {
  const services = `ARRAY[${SERVICES.map((s) => `'${s}'`).join(",")}]`;
  const spanMs = DAYS * 86_400_000;
  return `
    INSERT INTO messages (sid, account_sid, service_sid, direction, "from", "to", body, media_urls, status, num_segments,
                          encoding, smart_encoded, error_code, error_message, validity_period, sender_sid, date_sent, created_at, updated_at)
    SELECT 'SM' || md5('${account}' || i), '${account}', (${services})[1 + h.a % 20],
           CASE WHEN i % 10 = 0 THEN 'inbound' ELSE 'outbound-api' END,
           CASE WHEN i % 10 = 0 THEN '+1646' || lpad(((i::bigint * 7919) % ${RECIPIENTS})::text, 7, '0') ELSE '+1415' || lpad((i % ${SENDERS})::text, 7, '0') END,
           CASE WHEN i % 10 = 0 THEN '+1415' || lpad((i % ${SENDERS})::text, 7, '0') ELSE '+1646' || lpad(((i::bigint * 7919) % ${RECIPIENTS})::text, 7, '0') END,
           'Your code is ' || i || '. Reply STOP to opt out.', '{}', st.status, 1 + i % 3, 'GSM-7', false,
           CASE st.status WHEN 'failed' THEN (ARRAY[30003, 30005, 30006, 21610, 30007])[1 + h.c % 5]
                          WHEN 'undelivered' THEN (ARRAY[30003, 30008])[1 + h.c % 2] END,
           NULL, 36000, NULL, ts, ts, ts
      FROM generate_series(${from}, ${to - 1}) AS i,
           -- Independent pseudo-random draws per row, so service, status and error code are uncorrelated.
           -- (hashint8 of a small value equals hashint4's, so salted hashtext draws instead.)
           LATERAL (SELECT hashtext('service' || i) & 2147483647 AS a, hashtext('status' || i) & 2147483647 AS b,
                           hashtext('error' || i) & 2147483647 AS c) AS h,
           LATERAL (SELECT timestamp '${seededAt.toISOString().replace("T", " ").replace("Z", "")}'
                           - make_interval(secs => (${total} - i)::float8 * ${spanMs / 1000} / ${total}) AS ts) AS t,
           LATERAL (SELECT CASE WHEN i % 10 = 0 THEN 'received'
                                WHEN h.b % 100 < 80 THEN 'delivered'
                                WHEN h.b % 100 < 85 THEN 'sent'
                                WHEN h.b % 100 < 88 THEN 'failed'
                                WHEN h.b % 100 < 90 THEN 'undelivered'
                                WHEN h.b % 100 < 93 THEN 'queued'
                                WHEN h.b % 100 < 95 THEN 'accepted'
                                WHEN h.b % 100 < 97 THEN 'canceled'
                                ELSE 'sending' END AS status) AS st`;
}

async function seededCount(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null; // no such database yet
  }
  try {
    const version = await client.query(`SELECT 1 FROM accounts WHERE sid = $1 AND friendly_name = $2`, [BENCH_ACCOUNT, SEED_NAME]);
    if (version.rowCount === 0) return null;
    const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE account_sid = $1`, [BENCH_ACCOUNT]);
    return Number(r.rows[0]?.n ?? 0);
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/**
 * The benchmark database (switchyard_bench_logs), seeded once with `total`
 * messages and reused by later runs (migrations added since are applied on
 * reuse). Indexes are dropped for the bulk load and rebuilt from their own
 * definitions afterwards, so the benchmark measures exactly the migrated
 * schema's indexes.
 */
export async function benchDatabase(total: number, log: (s: string) => void): Promise<string> {
  const probeUrl = await benchUrl();
  const existing = await seededCount(probeUrl);
  if (existing === total) {
    await applyMigrations(probeUrl);
    log(`reusing ${probeUrl.replace(/\/\/[^@]*@/, "//")} (${total.toLocaleString("en-US")} messages)`);
    return probeUrl;
  }
  const url = await freshTestDatabase("bench_logs");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(`INSERT INTO accounts (sid, friendly_name, auth_token, updated_at) VALUES ($1, $4, $2, now()), ($3, 'Other', $2, now())`, [
      BENCH_ACCOUNT,
      "b".repeat(32),
      OTHER_ACCOUNT,
      SEED_NAME,
    ]);
    for (const [i, sid] of SERVICES.entries()) {
      await client.query(`INSERT INTO services (sid, account_sid, friendly_name, updated_at) VALUES ($1, $2, $3, now())`, [sid, BENCH_ACCOUNT, `Bench service ${String(i + 1).padStart(2, "0")}`]);
    }
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'messages' AND indexname <> 'messages_pkey'`,
    );
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
    const seededAt = new Date();
    for (let from = 0; from < total; from += CHUNK) {
      const t = performance.now();
      await client.query(insertChunk(BENCH_ACCOUNT, from, Math.min(total, from + CHUNK), total, seededAt));
      log(`seeded ${Math.min(total, from + CHUNK).toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    // Another account's rows share every index: the account condition must keep them out.
    await client.query(insertChunk(OTHER_ACCOUNT, 0, 100_000, 100_000, seededAt).replace(/\(ARRAY\['MG[^\]]*\]\)\[1 \+ h\.a % 20\]/, "NULL"));
    for (const ix of indexes) {
      const t = performance.now();
      await client.query(ix.def);
      log(`index ${ix.name} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    await client.query(`VACUUM ANALYZE messages`);
    return url;
  } finally {
    await client.end();
  }
}

/** Where freshTestDatabase("bench_logs") puts the database, without touching it. */
async function benchUrl(): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const u = new URL(base);
    u.pathname = `/${u.pathname.replace(/^\//, "") || "switchyard"}_bench_logs`;
    return u.toString();
  }
  const { startEmbeddedPostgres, embeddedUrl } = await import("@/lib/server/db/embedded");
  const server = await startEmbeddedPostgres();
  return embeddedUrl(server.port, "switchyard_bench_logs");
}
