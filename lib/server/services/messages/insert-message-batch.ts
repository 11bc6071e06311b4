import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import { db, type Tx } from "@/lib/server/db/client";
import { hotPathPool } from "@/lib/server/db/hot-path-pool";
import { DISPATCH_TASK } from "@/lib/server/jobs/task-names";

/**
 * A create that passed every check JavaScript can make alone (snake_case:
 * it travels as JSON into SQL). What needs the database (the service, the
 * From's sender row, the opt-out list) is decided in the same statement that
 * inserts it, so the choices that depend on the service (Smart Encoding,
 * validity period) arrive as alternatives.
 */
export interface NewMessageRow {
  sid: string;
  account_sid: string;
  service_sid: string | null;
  from: string | null;
  to: string;
  body: string;
  media_urls: string[];
  status: string;
  /** SmartEncoded=true turns Smart Encoding on; false leaves the service's setting (docs/decisions.md). */
  smart_encoded: boolean;
  segments_plain: number;
  encoding_plain: string;
  segments_smart: number;
  encoding_smart: string;
  too_long: boolean;
  status_callback: string | null;
  /** ValidityPeriod as sent (null: the service's, else 36000). */
  validity: number | null;
  send_at: string | null;
  fallback_from: string | null;
  created_at: string;
  /** Only a keyword's own reply may reach a number that just opted out. */
  allow_opted_out: boolean;
  /** The create's idempotency key (I-Twilio-Idempotency-Token / Idempotency-Key), if any. */
  idempotency_key: string | null;
}

/** Per row: the Twilio error that refused it (nothing written), or what the database chose. */
export interface InsertOutcome {
  error: 21701 | 21606 | 21610 | 21617 | null;
  senderSid: string | null;
  validityPeriod: number;
  useSmart: boolean;
  /** An earlier create with the same idempotency key stored this message; nothing was written. */
  existingSid: string | null;
}

interface OutcomeRow {
  sid: string;
  error: number | null;
  sender_sid: string | null;
  validity_period: number;
  use_smart: boolean;
  existing_sid: string | null;
}

/**
 * The checks that need the database, as CTEs `input` -> `checked`: per row
 * the service (scoped to the account), the From's sender row (any of the four
 * sender tables, scoped to the account; an alpha sender also to the service)
 * and whether the recipient opted out of the service that applies (the given
 * one, else the From's). `error` follows Twilio's order: 21701, 21606, 21610,
 * then 21617 (the body as it will be sent, after link shortening).
 */
function checkedRows(rows: NewMessageRow[]): Prisma.Sql {
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        sid text, account_sid text, service_sid text, "from" text, "to" text, body text, media_urls text[],
        status text, smart_encoded bool, segments_plain int, encoding_plain text, segments_smart int,
        encoding_smart text, too_long bool, status_callback text, validity int, send_at timestamp,
        fallback_from text, created_at timestamp, allow_opted_out bool, idempotency_key text)
    ), ctx AS (
      SELECT i.*, svc.sid AS svc_sid, svc.smart_encoding AS svc_smart, svc.validity_period AS svc_validity,
             snd.sid AS snd_sid, snd.service_sid AS snd_service
        FROM input i
        LEFT JOIN services svc ON svc.sid = i.service_sid AND svc.account_sid = i.account_sid
        LEFT JOIN LATERAL (
          SELECT sid, service_sid FROM phone_numbers WHERE phone_number = i."from" AND account_sid = i.account_sid
          UNION ALL SELECT sid, service_sid FROM short_codes WHERE short_code = i."from" AND account_sid = i.account_sid
          UNION ALL SELECT sid, service_sid FROM channel_senders WHERE sender = i."from" AND account_sid = i.account_sid
          UNION ALL SELECT sid, service_sid FROM alpha_senders
            WHERE alpha_sender = i."from" AND account_sid = i.account_sid AND (i.service_sid IS NULL OR service_sid = i.service_sid)
          LIMIT 1) snd ON true
    ), checked AS (
      SELECT ctx.*,
             CASE WHEN service_sid IS NOT NULL AND svc_sid IS NULL THEN 21701
                  WHEN "from" IS NOT NULL AND snd_sid IS NULL THEN 21606
                  WHEN NOT allow_opted_out AND EXISTS (
                    SELECT 1 FROM opt_outs o WHERE o.recipient = ctx."to" AND o.service_sid = COALESCE(svc_sid, snd_service)) THEN 21610
                  WHEN too_long THEN 21617
             END AS error,
             (smart_encoded OR COALESCE(svc_smart, false)) AS use_smart,
             COALESCE(validity, svc_validity, 36000) AS validity_period,
             (SELECT k.message_sid FROM message_idempotency_keys k
               WHERE k.account_sid = ctx.account_sid AND k.key = ctx.idempotency_key) AS existing_sid
        FROM ctx
    )`;
}

function outcomes(rows: NewMessageRow[], out: OutcomeRow[]): InsertOutcome[] {
  const bySid = new Map(out.map((r) => [r.sid, r]));
  return rows.map((row) => {
    const r = bySid.get(row.sid);
    if (!r) throw new Error(`message ${row.sid} was not checked`);
    return { error: r.error as InsertOutcome["error"], senderSid: r.sender_sid, validityPeriod: r.validity_period, useSmart: r.use_smart, existingSid: r.existing_sid ?? null };
  });
}

/**
 * Checks and inserts in ONE statement, hence one round trip and one
 * transaction: the rows that pass, their first status events and their
 * dispatch jobs (graphile_worker.add_jobs: one batch job for the messages
 * due now, a job per scheduled message with job key = message SID and
 * run_at = SendAt) commit together; a refused row writes nothing.
 */
function insertStatement(rows: NewMessageRow[]): Prisma.Sql {
  return Prisma.sql`
    ${checkedRows(rows)}, m AS (
      INSERT INTO messages (sid, account_sid, service_sid, direction, "from", "to", body, media_urls, status,
                            num_segments, encoding, smart_encoded, status_callback, validity_period, send_at,
                            sender_sid, fallback_from, created_at, updated_at)
      SELECT sid, account_sid, service_sid, 'outbound-api', "from", "to", body, media_urls, status,
             CASE WHEN use_smart THEN segments_smart ELSE segments_plain END,
             CASE WHEN use_smart THEN encoding_smart ELSE encoding_plain END,
             smart_encoded, status_callback, validity_period, send_at, snd_sid, fallback_from, created_at, created_at
        FROM checked WHERE error IS NULL AND existing_sid IS NULL
      RETURNING sid, account_sid, status, send_at, created_at
    ), k AS (
      -- The key commits with the message: a retried create finds it (a concurrent twin fails on the primary key
      -- and is retried alone by the group commit, then finds it too).
      INSERT INTO message_idempotency_keys (account_sid, key, message_sid)
      SELECT c.account_sid, c.idempotency_key, m.sid FROM m JOIN checked c ON c.sid = m.sid WHERE c.idempotency_key IS NOT NULL
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
    SELECT sid, error, snd_sid AS sender_sid, validity_period, use_smart, existing_sid, (SELECT count(*) FROM j) AS jobs FROM checked`;
}

async function insertRows(rows: NewMessageRow[], tx: Tx): Promise<InsertOutcome[]> {
  return outcomes(rows, await tx.$queryRaw<OutcomeRow[]>(insertStatement(rows)));
}

/** The group commit's statement: prepared once per connection of the hot path pool, as `create_messages`. */
async function insertRowsPrepared(rows: NewMessageRow[]): Promise<InsertOutcome[]> {
  const statement = insertStatement(rows);
  const result = await hotPathPool().query<OutcomeRow>({ name: "create_messages", text: statement.text, values: statement.values });
  return outcomes(rows, result.rows);
}

/**
 * Group commit for the API's hot path: creates arriving while an earlier
 * statement runs share the next one (up to MAX_BATCH; see
 * lib/server/db/coalesce.ts). Postgres here commits ~600 single-message
 * transactions per second (each add_job also takes NOTIFY's commit-time
 * lock) but ~7,000 messages per second in batches of 16. Each caller gets
 * its own outcome; if a batch's statement fails, each of its rows is retried
 * alone, so one caller's failure is not another's.
 */
const MAX_BATCH = 128;
const insertBatched = coalesce<NewMessageRow, InsertOutcome>({
  maxBatch: MAX_BATCH,
  // One statement at a time: the next batch forms while it runs. Measured on 2 cores, this beat 2 or 4 in
  // flight (bigger batches: less Postgres CPU per message; docs/performance.md "Send pipeline").
  maxInFlight: 1,
  run: insertRowsPrepared,
  // Two creates with one idempotency key never share a statement: the second sees the first's row.
  keyOf: (r) => (r.idempotency_key === null ? r.sid : `key:${r.account_sid}:${r.idempotency_key}`),
});

/** Inserts one create: inside the caller's transaction when given one, else in the next group commit. */
export function insertMessage(row: NewMessageRow, tx?: Tx): Promise<InsertOutcome> {
  return tx ? insertRows([row], tx).then((o) => o[0] as InsertOutcome) : insertBatched(row);
}

/** The same checks without the insert: for work that must not start for a create that will be refused (link shortening). */
export async function checkMessage(row: NewMessageRow, tx: Tx = db): Promise<InsertOutcome> {
  const out = await tx.$queryRaw<OutcomeRow[]>(Prisma.sql`
    ${checkedRows([row])}
    SELECT sid, error, snd_sid AS sender_sid, validity_period, use_smart, existing_sid FROM checked`);
  return outcomes([row], out)[0] as InsertOutcome;
}
