import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db/client";
import { messageColumns, type Message } from "@/lib/server/services/messages/message-columns";
import { STATUS_CALLBACK_TASK } from "./task-names";

export interface TransitionExtras {
  errorCode?: number | null;
  errorMessage?: string | null;
  from?: string | null;
  senderSid?: string | null;
  routingTrace?: unknown;
  /** Stamp date_sent (the hand-off to the carrier). */
  markSent?: boolean;
}

/**
 * Moves a message to `to` only if it is currently in one of `from` (the
 * conditional UPDATE is what makes retried or concurrent workers harmless:
 * the loser changes nothing). In the same statement it records the status
 * event and, when the message or its service has a status callback URL,
 * inserts the (message, status) callback row — its unique key de-duplicates
 * — and enqueues its delivery job. Returns the updated message, or null when
 * the message was not in an allowed status.
 */
export async function transitionMessage(
  sid: string,
  from: readonly string[],
  to: string,
  extras: TransitionExtras = {},
  tx: Tx = db,
): Promise<Message | null> {
  const trace = extras.routingTrace === undefined ? null : JSON.stringify(extras.routingTrace);
  const rows = await tx.$queryRaw<Message[]>(Prisma.sql`
    WITH m AS (
      UPDATE messages SET
        status = ${to},
        updated_at = now(),
        error_code = COALESCE(${extras.errorCode ?? null}::int, error_code),
        error_message = COALESCE(${extras.errorMessage ?? null}::text, error_message),
        "from" = COALESCE(${extras.from ?? null}::text, "from"),
        sender_sid = COALESCE(${extras.senderSid ?? null}::text, sender_sid),
        routing_trace = COALESCE(${trace}::jsonb, routing_trace),
        date_sent = CASE WHEN ${Boolean(extras.markSent)} THEN now() ELSE date_sent END
      WHERE sid = ${sid} AND status = ANY(${[...from]}::text[])
      RETURNING *
    ), e AS (
      INSERT INTO message_events (message_sid, account_sid, status, error_code)
      SELECT sid, account_sid, status, error_code FROM m
    ), cb AS (
      INSERT INTO status_callbacks (message_sid, account_sid, status, url)
      SELECT m.sid, m.account_sid, m.status, COALESCE(m.status_callback, s.status_callback)
        FROM m LEFT JOIN services s ON s.sid = m.service_sid
       WHERE COALESCE(m.status_callback, s.status_callback) IS NOT NULL
      ON CONFLICT (message_sid, status) DO NOTHING
      RETURNING id
    ), j AS (
      SELECT graphile_worker.add_job(${STATUS_CALLBACK_TASK}, json_build_object('id', cb.id::text), max_attempts := 12)
        FROM cb
    )
    SELECT ${messageColumns("m")}, (SELECT count(*) FROM j) AS jobs FROM m`);
  const row = rows[0];
  if (!row) return null;
  delete (row as Partial<{ jobs: unknown }>).jobs;
  return row;
}
