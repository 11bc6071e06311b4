import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";
import { DISPATCH_TASK } from "@/lib/server/pipeline/task-names";
import { messageColumns, type Message } from "./message-columns";

/** A validated outbound message, ready to insert (snake_case: it travels as JSON into SQL). */
export interface NewMessageRow {
  sid: string;
  account_sid: string;
  service_sid: string | null;
  from: string | null;
  to: string;
  body: string;
  media_urls: string[];
  status: string;
  num_segments: number;
  encoding: string;
  smart_encoded: boolean;
  status_callback: string | null;
  validity_period: number;
  send_at: string | null;
  sender_sid: string | null;
  fallback_from: string | null;
  created_at: string;
}

/**
 * Inserts messages, their first status events and their dispatch jobs
 * (graphile_worker.add_jobs: one batch job for the messages due now, a job
 * per scheduled message with job key = message SID and run_at = SendAt)
 * in ONE statement, hence one transaction: all rows commit together or none.
 */
async function insertRows(rows: NewMessageRow[]): Promise<Message[]> {
  return db.$queryRaw<Message[]>(Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        sid text, account_sid text, service_sid text, "from" text, "to" text, body text, media_urls text[],
        status text, num_segments int, encoding text, smart_encoded bool, status_callback text,
        validity_period int, send_at timestamp, sender_sid text, fallback_from text, created_at timestamp)
    ), m AS (
      INSERT INTO messages (sid, account_sid, service_sid, direction, "from", "to", body, media_urls, status,
                            num_segments, encoding, smart_encoded, status_callback, validity_period, send_at,
                            sender_sid, fallback_from, created_at, updated_at)
      SELECT sid, account_sid, service_sid, 'outbound-api', "from", "to", body, media_urls, status,
             num_segments, encoding, smart_encoded, status_callback, validity_period, send_at,
             sender_sid, fallback_from, created_at, created_at
        FROM input
      RETURNING *
    ), e AS (
      INSERT INTO message_events (message_sid, account_sid, status, created_at)
      SELECT sid, account_sid, status, created_at FROM m
    ), specs AS (
      -- Scheduled (SendAt): a job per message, job_key = message SID, so cancel removes it.
      SELECT json_build_object('sid', m.sid) AS payload, m.send_at AT TIME ZONE 'UTC' AS run_at, m.sid AS key
        FROM m WHERE m.send_at IS NOT NULL
      UNION ALL
      -- Due now: ONE batch job for the statement's messages (graphile-worker retries only the entries
      -- that failed). A job per message cost more Postgres time than the message's own rows.
      SELECT json_agg(json_build_object('sid', m.sid) ORDER BY m.sid), now(), NULL
        FROM m WHERE m.send_at IS NULL HAVING count(*) > 0
    ), j AS (
      SELECT graphile_worker.add_jobs(array_agg(ROW(${DISPATCH_TASK}, payload, NULL, run_at, 25, key, NULL, NULL)::graphile_worker.job_spec))
        FROM specs
    )
    SELECT ${messageColumns("m")}, (SELECT count(*) FROM j) AS jobs FROM m`);
}

/**
 * Group commit for the API's hot path: creates arriving while earlier
 * statements run share the next INSERT ... add_jobs statement (up to
 * MAX_BATCH; see lib/server/db/coalesce.ts). Postgres here commits ~600
 * single-message transactions per second (each add_job also takes NOTIFY's
 * commit-time lock) but ~7,000 messages per second in batches of 16. Each
 * caller still gets its own row back. If a batch's statement fails, each of
 * its rows is retried alone, so one caller's failure is not another's.
 */
const MAX_BATCH = 128;
const insertBatched = coalesce<NewMessageRow, Message>({
  maxBatch: MAX_BATCH,
  // One statement at a time: the next batch forms while it runs. Measured on 2 cores, this beat 2 or 4 in
  // flight (bigger batches: less Postgres CPU per message; docs/performance.md "Send pipeline").
  maxInFlight: 1,
  run: async (rows) => {
    const inserted = await insertRows(rows);
    const bySid = new Map(inserted.map((r) => [r.sid, r]));
    return rows.map((row) => {
      const m = bySid.get(row.sid);
      if (!m) throw new Error(`message ${row.sid} was not inserted`);
      delete (m as Partial<{ jobs: unknown }>).jobs;
      return m;
    });
  },
});

export function insertMessage(row: NewMessageRow): Promise<Message> {
  return insertBatched(row);
}
