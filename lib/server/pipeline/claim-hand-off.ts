import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import pg from "pg";
import { databaseUrl, db } from "@/lib/server/db/client";
import { LIVENESS_APP_PREFIX, PROCESS_ID } from "./worker-liveness";

/**
 * - `claimed`: this attempt holds the hand-off (claimed now, or already by the same token);
 * - `moved`: the message left the statuses the attempt expects (a cancel, a STOP, another attempt's outcome);
 * - `busy`: another attempt that may still be running holds it (leave it to that attempt);
 * - `taken`: another attempt claimed it and is over without having written an outcome: it died around its submit.
 */
export type Claim = { state: "claimed" } | { state: "moved" } | { state: "busy"; here: boolean } | { state: "taken"; holder: string };

/** A claim this old whose process is alive is abandoned all the same: an attempt writes its outcome within seconds of its claim. */
const ABANDONED_AFTER_MS = 60_000;

/** Claim tokens of this process's dispatch attempts still running. */
const running = new Set<string>();

/** A new attempt's claim token, `<process id>:<n>`, registered as running until `end` is called. */
let attempts = 0;
export function beginAttempt(): { token: string; end(): void } {
  const token = `${PROCESS_ID}:${++attempts}`;
  running.add(token);
  return { token, end: () => running.delete(token) };
}

interface ClaimItem {
  sid: string;
  token: string;
  expected: string[];
}

/**
 * The last look before a hand-off and its guard, in one statement: a message
 * still in an expected status is claimed (`dispatch_claims`, keyed by SID;
 * `INSERT … ON CONFLICT` lets exactly one token in, and the same token again).
 * It replaces the primary-key read that used to be that last look, so the
 * guard costs one small insert per hand-off, not a second `messages` update
 * (docs/reliability.md "At most one hand-off").
 */
async function claims(items: ClaimItem[]): Promise<Claim[]> {
  const input = items.map((c, idx) => ({ idx, ...c }));
  const statement = Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS t(idx int, sid text, token text, expected text[])
    ), ok AS (
      SELECT i.* FROM input i JOIN messages m ON m.sid = i.sid AND m.status = ANY(i.expected)
    ), c AS (
      INSERT INTO dispatch_claims (message_sid, token) SELECT sid, token FROM ok
      ON CONFLICT (message_sid) DO UPDATE SET claimed_at = dispatch_claims.claimed_at
        WHERE dispatch_claims.token = excluded.token
      RETURNING message_sid
    )
    SELECT i.idx, ok.sid IS NOT NULL AS in_status, c.message_sid IS NOT NULL AS claimed, d.token AS holder,
           EXISTS (SELECT 1 FROM pg_stat_activity a
                    WHERE a.application_name = ${LIVENESS_APP_PREFIX} || split_part(d.token, ':', 1)) AS holder_alive,
           COALESCE(extract(epoch FROM now() - d.claimed_at) * 1000, 0)::float8 AS age_ms
      FROM input i LEFT JOIN ok ON ok.idx = i.idx LEFT JOIN c ON c.message_sid = i.sid
      LEFT JOIN dispatch_claims d ON d.message_sid = i.sid AND c.message_sid IS NULL`;
  const { rows } = await claimPool().query<{ idx: number; in_status: boolean; claimed: boolean; holder: string | null; holder_alive: boolean; age_ms: number }>({
    text: statement.text,
    values: statement.values,
  });
  const byIdx = new Map(rows.map((r) => [Number(r.idx), r]));
  return input.map((c): Claim => {
    const r = byIdx.get(c.idx);
    if (!r || !r.in_status) return { state: "moved" };
    if (r.claimed) return { state: "claimed" };
    const holder = r.holder ?? "";
    // Whether the holder is over: an attempt of this process is over when it is no longer running; another
    // process's when that process is gone (worker-liveness.ts), or its claim is long abandoned.
    const mine = holder.startsWith(`${PROCESS_ID}:`);
    const over = mine ? !running.has(holder) : !r.holder_alive || Number(r.age_ms) > ABANDONED_AFTER_MS;
    return over ? { state: "taken", holder } : { state: "busy", here: mine };
  });
}

/**
 * The claims' own connections commit asynchronously (synchronous_commit=off): the claim is on the path
 * from a rate slot's reservation to its hand-off, and waiting for a WAL flush there (tens to hundreds of ms
 * on a loaded disk) made hand-offs miss their slots. A committed claim survives any crash of a worker
 * (what it guards against); only a crash of PostgreSQL itself within wal_writer_delay (200 ms) of a
 * claim could lose it (docs/reliability.md).
 */
const globalForPool = globalThis as unknown as { claimPool?: pg.Pool };
function claimPool(): pg.Pool {
  if (globalForPool.claimPool) return globalForPool.claimPool;
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 3, allowExitOnIdle: true, options: "-c synchronous_commit=off" });
  pool.on("error", (err) => console.error("claim pool: idle connection failed:", err.message));
  globalForPool.claimPool = pool;
  return pool;
}

/** Concurrent hand-offs share the statement; one message's claims never share one (keyOf). */
const batched = coalesce<ClaimItem, Claim>({ maxBatch: 200, maxInFlight: 3, run: claims, keyOf: (c) => c.sid });

export function claimHandOff(sid: string, token: string, expected: readonly string[]): Promise<Claim> {
  return batched({ sid, token, expected: [...expected] });
}

interface TakeOver {
  sid: string;
  holder: string;
  token: string;
  driver: string;
}

/**
 * After a kill, every message the dead process had claimed is taken over at once (hundreds): one
 * statement per batch, on the claims' connections, not one round trip and commit each.
 */
async function takeOvers(items: TakeOver[]): Promise<boolean[]> {
  const { rows } = await claimPool().query<{ sid: string }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(sid text, holder text, token text, driver text)
     ), t AS (
       UPDATE dispatch_claims d SET token = i.token, claimed_at = now()
         FROM input i WHERE d.message_sid = i.sid AND d.token = i.holder
       RETURNING d.message_sid, i.holder, i.driver
     ), r AS (
       INSERT INTO dispatch_recoveries (message_sid, dead_token, driver, decision)
       SELECT message_sid, holder, driver, 'resubmitted' FROM t
     )
     SELECT message_sid AS sid FROM t`,
    [JSON.stringify(items)],
  );
  const won = new Set(rows.map((r) => r.sid));
  return items.map((i) => won.has(i.sid));
}

const batchedTakeOver = coalesce<TakeOver, boolean>({ maxBatch: 200, maxInFlight: 2, run: takeOvers, keyOf: (t) => t.sid });

/** Takes over a dead attempt's claim to hand the SID off again (recorded); false when another attempt took it over first. */
export function takeOverClaim(sid: string, holder: string, token: string, driver: string): Promise<boolean> {
  return batchedTakeOver({ sid, holder, token, driver });
}

/** Records that a dead attempt's message is failed instead (the driver cannot take the SID twice). */
export async function recordFailedRecovery(sid: string, holder: string, driver: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO dispatch_recoveries (message_sid, dead_token, driver, decision) VALUES (${sid}, ${holder}, ${driver}, 'failed')`);
}

/** Claims whose message has its outcome (or is gone) are no longer needed; kept a minute for stragglers. */
export async function pruneClaims(): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    DELETE FROM dispatch_claims c WHERE c.claimed_at < now() - interval '1 minute'
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.sid = c.message_sid AND m.status IN ('accepted', 'scheduled', 'queued', 'sending'))`);
}

/** Gives claims back when their attempts go back to the queue without a hand-off (their slots moved far): one statement per batch. */
const batchedRelease = coalesce<{ sid: string; token: string }, void>({
  maxBatch: 200,
  maxInFlight: 2,
  keyOf: (r) => r.sid,
  run: async (items) => {
    await claimPool().query(
      `DELETE FROM dispatch_claims d USING jsonb_to_recordset($1::jsonb) AS t(sid text, token text)
        WHERE d.message_sid = t.sid AND d.token = t.token`,
      [JSON.stringify(items)],
    );
    return items.map(() => undefined);
  },
});

export function releaseClaim(sid: string, token: string): Promise<void> {
  return batchedRelease({ sid, token });
}
