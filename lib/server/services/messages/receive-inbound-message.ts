import { encodeBody } from "@/lib/core/encoding/encode-body";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { AppError, twilioAppError } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { INBOUND_TASK } from "@/lib/server/jobs/task-names";
import { messageColumns, type Message } from "@/lib/server/message-state/message-columns";
import { parseRecipient } from "./parse-recipient";

/** Attempts of the inbound job: a webhook that is down is retried with backoff (~3 s, 7 s, 20 s, 55 s) and then given up. */
export const INBOUND_MAX_ATTEMPTS = 5;

export interface InboundInput {
  from: string;
  /** One of our senders: a number, short code or channel address. */
  to: string;
  body?: string;
  mediaUrls?: string[];
}

/**
 * A message arriving from a carrier: stored as `inbound` / `received` on the
 * account that owns the `To` sender (and its service, if the sender is in
 * one). `accountSid`, when given, must be that owner (the simulator's
 * control API only lets an account inject to its own numbers).
 *
 * Durable hand-off: the message row, its event, its `inbound_handling`
 * progress row and the `inbound-message` job (keywords, then the webhook,
 * fallback or conversation; lib/server/services/inbound) are written by ONE
 * statement, so a stored message is always handled and a handled one
 * always stored. The job key is the message SID.
 */
/** Ten concatenated 1,600-character messages: more than any handset or carrier MO sends. */
export const MAX_INBOUND_BODY = 16_000;

export async function receiveInboundMessage(input: InboundInput, opts: { accountSid?: string } = {}): Promise<Message> {
  const from = input.from.trim();
  const to = input.to.trim();
  if (!from) throw new AppError(21212, "From is required", 400);
  // A handset's text is bounded (docs/security.md "API input"): a 10,000,000-character body was stored and forwarded.
  if ((input.body ?? "").length > MAX_INBOUND_BODY) throw new AppError(21617, `The message body exceeds the ${MAX_INBOUND_BODY} character limit`, 400);
  if ((input.mediaUrls ?? []).length > 10) throw new AppError(21623, "Too many media URLs (at most 10)", 400);
  if ([from, to, input.body ?? "", ...(input.mediaUrls ?? [])].some((v) => v.includes("\u0000"))) throw new AppError(20001, "Parameters may not contain NUL characters", 400);
  if (!parseRecipient(from) && !/^\d{3,8}$/.test(from)) throw twilioAppError(21212);
  const owners = await db.$queryRaw<{ sid: string; account_sid: string; service_sid: string | null }[]>(Prisma.sql`
    SELECT sid, account_sid, service_sid FROM phone_numbers WHERE phone_number = ${to}
    UNION ALL SELECT sid, account_sid, service_sid FROM short_codes WHERE short_code = ${to}
    UNION ALL SELECT sid, account_sid, service_sid FROM channel_senders WHERE sender = ${to}
    LIMIT 1`);
  const owner = owners[0];
  if (!owner || (opts.accountSid && owner.account_sid !== opts.accountSid)) {
    throw new AppError(21211, `'To' ${to} is not a number of this account`, 404);
  }
  const body = input.body ?? "";
  const mediaUrls = input.mediaUrls ?? [];
  const encoded = encodeBody(body, { smartEncoding: false });
  const sid = newSid(mediaUrls.length ? "MM" : "SM");
  const rows = await db.$queryRaw<Message[]>(Prisma.sql`
    WITH m AS (
      INSERT INTO messages (sid, account_sid, service_sid, direction, "from", "to", body, media_urls, status,
                            num_segments, encoding, validity_period, sender_sid, date_sent)
      VALUES (${sid}, ${owner.account_sid}, ${owner.service_sid}, 'inbound', ${from}, ${to}, ${body}, ${mediaUrls}::text[],
              'received', ${encoded.segments}, ${encoded.encoding}, 0, ${owner.sid}, now())
      RETURNING *
    ), e AS (
      INSERT INTO message_events (message_sid, account_sid, status) SELECT sid, account_sid, status FROM m
    ), h AS (
      INSERT INTO inbound_handling (message_sid, account_sid) SELECT sid, account_sid FROM m
    ), j AS (
      SELECT graphile_worker.add_job(${INBOUND_TASK}, json_build_object('sid', m.sid), job_key := 'inbound:' || m.sid, max_attempts := ${INBOUND_MAX_ATTEMPTS})
        FROM m
    )
    SELECT ${messageColumns("m")}, (SELECT count(*) FROM j) AS jobs FROM m`);
  const inserted = rows[0];
  if (!inserted) throw new Error("inbound insert returned nothing");
  delete (inserted as Partial<{ jobs: unknown }>).jobs;
  return inserted;
}
