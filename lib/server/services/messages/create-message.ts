import { encodeBody } from "@/lib/core/encoding/encode-body";
import { isSid } from "@/lib/core/ids";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { DISPATCH_TASK } from "@/lib/server/pipeline/task-names";
import { lookupSendContext } from "./lookup-send-context";
import { insertMessage, type NewMessageRow } from "./insert-message-batch";
import { messageColumns, type Message } from "./message-columns";
import { messageError } from "./message-errors";
import { shortenMessageLinks } from "@/lib/server/services/links/shorten-message-links";
import { createMessageSchema, type CreateMessageInput } from "./message-input";
import { looksLikeSenderAddress, parseRecipient } from "./parse-recipient";

const MAX_MEDIA = 10;
const DEFAULT_VALIDITY = 36000;
/** Scheduling window (CONTRACT section 4: current docs say > 300 s and <= 35 days). */
const SCHEDULE_MIN_MS = 300_000;
const SCHEDULE_MAX_MS = 35 * 86_400_000;

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
  } catch {
    return false;
  }
}

/**
 * Validates and persists an outbound message and its dispatch job. The
 * message row, its first status event and the graphile-worker job are
 * written by ONE SQL statement (data-modifying CTEs), so they commit
 * together or not at all; concurrent creates share that statement (group
 * commit, insert-message-batch.ts). Passing `tx` runs it inside the
 * caller's transaction instead. Routing happens later, at dispatch time.
 * Shared by the REST API and the console's Send Test page.
 */
export async function createMessage(
  accountSid: string,
  raw: CreateMessageInput | Record<string, unknown>,
  // allowOptedOut: only for a keyword's own reply (the STOP confirmation must reach the number that just opted out).
  opts: { tx?: Tx; now?: Date; allowOptedOut?: boolean } = {},
): Promise<Message> {
  const input = createMessageSchema.parse(raw);
  const now = opts.now ?? new Date();
  const to = input.to?.trim();
  if (!to) throw messageError(21604);
  const from = input.from?.trim() || null;
  const serviceSid = input.messagingServiceSid?.trim() || null;
  if (!from && !serviceSid) throw messageError(21603);
  if (serviceSid && !isSid(serviceSid, "MG")) throw messageError(21705);
  const body = input.body ?? "";
  const mediaUrls = (input.mediaUrls ?? []).map((u) => u.trim()).filter(Boolean);
  if (!body && mediaUrls.length === 0) throw messageError(21602);
  if (mediaUrls.length > MAX_MEDIA) throw messageError(21623);
  const recipient = parseRecipient(to);
  if (!recipient) throw messageError(21211, `'${to}' is not a valid phone number.`);
  if (from && !looksLikeSenderAddress(from)) throw messageError(21212);

  // FallbackFrom (RCS's SMS fallback) picks from the service's pool, so it needs a service; whether it
  // is a usable sender is the routing core's decision at dispatch (21212 there).
  const fallbackFrom = input.fallbackFrom?.trim() || null;
  if (fallbackFrom && !serviceSid) throw messageError(21212, "FallbackFrom needs a MessagingServiceSid.");
  if (fallbackFrom && !looksLikeSenderAddress(fallbackFrom)) throw messageError(21212, `'${fallbackFrom}' is not a sender address.`);

  const statusCallback = input.statusCallback?.trim() || null;
  if (statusCallback && !isHttpUrl(statusCallback)) throw messageError(21609);

  let validity: number | null = null;
  if (input.validityPeriod !== undefined && input.validityPeriod.trim() !== "") {
    validity = Number(input.validityPeriod);
    if (!Number.isInteger(validity) || validity < 1 || validity > 36000) throw messageError(90007);
  }

  let sendAt: Date | null = null;
  if (input.scheduleType !== undefined && input.scheduleType !== "") {
    if (input.scheduleType !== "fixed") throw messageError(35114, "ScheduleType must be 'fixed'.");
    if (!serviceSid) throw messageError(35118);
    if (!input.sendAt) throw messageError(35111);
    sendAt = new Date(input.sendAt);
    if (Number.isNaN(sendAt.getTime())) throw messageError(35114);
    const ahead = sendAt.getTime() - now.getTime();
    if (ahead <= SCHEDULE_MIN_MS || ahead > SCHEDULE_MAX_MS) throw messageError(35115);
  }

  // Without a caller's transaction, concurrent creates share the lookup query (lookup-send-context.ts).
  const ctx = await lookupSendContext(accountSid, serviceSid, from, recipient.address, opts.tx);
  if (serviceSid && !ctx.service) throw messageError(21701, `(${serviceSid})`);
  if (from && !ctx.sender) throw messageError(21606);
  if (ctx.optedOut && !opts.allowOptedOut) throw messageError(21610);

  const sid = newSid(mediaUrls.length ? "MM" : "SM");
  // ShortenUrls (issue #7): links are replaced and stored first, so segments count the shortened body.
  const text = input.shortenUrls ? await shortenMessageLinks({ accountSid, serviceSid, messageSid: sid, recipient: recipient.address, body, now, tx: opts.tx }) : body;
  const encoded = encodeBody(text, { smartEncoding: Boolean(input.smartEncoded ?? ctx.service?.smartEncoding) });
  if (encoded.tooLong) throw messageError(21617);

  const status = sendAt ? "scheduled" : serviceSid ? "accepted" : "queued";
  const validityPeriod = validity ?? ctx.service?.validityPeriod ?? DEFAULT_VALIDITY;
  const row: NewMessageRow = {
    sid,
    account_sid: accountSid,
    service_sid: serviceSid,
    from,
    to: recipient.address,
    body: text,
    media_urls: mediaUrls,
    status,
    num_segments: encoded.segments,
    encoding: encoded.encoding,
    smart_encoded: Boolean(input.smartEncoded),
    status_callback: statusCallback,
    validity_period: validityPeriod,
    send_at: sendAt ? sendAt.toISOString() : null,
    sender_sid: ctx.sender?.sid ?? null,
    fallback_from: fallbackFrom,
    created_at: now.toISOString(),
  };
  // Inside a caller's transaction the row goes in with it; otherwise it joins the next group commit.
  return opts.tx ? insertMessageIn(opts.tx, row) : insertMessage(row);
}

/** Single-message variant of the batch statement, for callers composing their own transaction. */
async function insertMessageIn(tx: Tx, row: NewMessageRow): Promise<Message> {
  const rows = await tx.$queryRaw<Message[]>(Prisma.sql`
    WITH m AS (
      INSERT INTO messages (sid, account_sid, service_sid, direction, "from", "to", body, media_urls, status,
                            num_segments, encoding, smart_encoded, status_callback, validity_period, send_at,
                            sender_sid, fallback_from, created_at, updated_at)
      VALUES (${row.sid}, ${row.account_sid}, ${row.service_sid}, 'outbound-api', ${row.from}, ${row.to}, ${row.body},
              ${row.media_urls}::text[], ${row.status}, ${row.num_segments}, ${row.encoding}, ${row.smart_encoded},
              ${row.status_callback}, ${row.validity_period}, ${row.send_at}::timestamp, ${row.sender_sid},
              ${row.fallback_from}, ${row.created_at}::timestamp, ${row.created_at}::timestamp)
      RETURNING *
    ), e AS (
      INSERT INTO message_events (message_sid, account_sid, status, created_at)
      SELECT sid, account_sid, status, created_at FROM m
    ), j AS (
      SELECT graphile_worker.add_job(${DISPATCH_TASK}, json_build_object('sid', m.sid),
                                     run_at := COALESCE(m.send_at AT TIME ZONE 'UTC', now()), job_key := m.sid, max_attempts := 25)
        FROM m
    )
    SELECT ${messageColumns("m")}, (SELECT count(*) FROM j) AS jobs FROM m`);
  const inserted = rows[0];
  if (!inserted) throw new Error("message insert returned nothing");
  delete (inserted as Partial<{ jobs: unknown }>).jobs;
  return inserted;
}
