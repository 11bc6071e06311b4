import { Prisma } from "@/lib/generated/prisma/client";
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
  created_at: string;
}

/**
 * Inserts messages, their first status events and their dispatch jobs
 * (graphile_worker.add_jobs, job key = message SID, run_at = SendAt or now)
 * in ONE statement, hence one transaction: all rows commit together or none.
 */
async function insertRows(rows: NewMessageRow[]): Promise<Message[]> {
  return db.$queryRaw<Message[]>(Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        sid text, account_sid text, service_sid text, "from" text, "to" text, body text, media_urls text[],
        status text, num_segments int, encoding text, smart_encoded bool, status_callback text,
        validity_period int, send_at timestamp, sender_sid text, created_at timestamp)
    ), m AS (
      INSERT INTO messages (sid, account_sid, service_sid, direction, "from", "to", body, media_urls, status,
                            num_segments, encoding, smart_encoded, status_callback, validity_period, send_at,
                            sender_sid, created_at, updated_at)
      SELECT sid, account_sid, service_sid, 'outbound-api', "from", "to", body, media_urls, status,
             num_segments, encoding, smart_encoded, status_callback, validity_period, send_at,
             sender_sid, created_at, created_at
        FROM input
      RETURNING *
    ), e AS (
      INSERT INTO message_events (message_sid, account_sid, status, created_at)
      SELECT sid, account_sid, status, created_at FROM m
    ), j AS (
      -- job_key = message SID: cancel removes the job, and a re-add while it runs cannot fork it.
      SELECT graphile_worker.add_jobs(array_agg(ROW(${DISPATCH_TASK}, json_build_object('sid', m.sid), NULL,
               COALESCE(m.send_at AT TIME ZONE 'UTC', now()), 25, m.sid, NULL, NULL)::graphile_worker.job_spec))
        FROM m
    )
    SELECT ${messageColumns("m")}, (SELECT count(*) FROM j) AS jobs FROM m`);
}

/**
 * Group commit for the API's hot path: creates arriving within MAX_WAIT_MS
 * of each other (up to MAX_BATCH) share one INSERT ... add_jobs statement.
 * Postgres here commits ~600 single-message transactions per second (each
 * add_job also takes NOTIFY's commit-time lock) but ~7,000 messages per
 * second in batches of 16. Each caller still gets its own row back; if the
 * statement fails, every caller of that batch gets the error (validation ran
 * before, so this means the database itself failed).
 */
const MAX_BATCH = 64;
const MAX_WAIT_MS = 2;
let pending: { row: NewMessageRow; resolve: (m: Message) => void; reject: (e: unknown) => void }[] = [];
let timer: NodeJS.Timeout | null = null;

function flush() {
  timer = null;
  const batch = pending;
  pending = [];
  if (batch.length === 0) return;
  insertRows(batch.map((b) => b.row)).then(
    (rows) => {
      const bySid = new Map(rows.map((r) => [r.sid, r]));
      for (const b of batch) {
        const row = bySid.get(b.row.sid);
        if (row) {
          delete (row as Partial<{ jobs: unknown }>).jobs;
          b.resolve(row);
        } else b.reject(new Error(`message ${b.row.sid} was not inserted`));
      }
    },
    (err: unknown) => {
      for (const b of batch) b.reject(err);
    },
  );
}

export function insertMessage(row: NewMessageRow): Promise<Message> {
  return new Promise((resolve, reject) => {
    pending.push({ row, resolve, reject });
    if (pending.length >= MAX_BATCH) {
      if (timer) clearTimeout(timer);
      flush();
    } else if (!timer) {
      timer = setTimeout(flush, MAX_WAIT_MS);
    }
  });
}
