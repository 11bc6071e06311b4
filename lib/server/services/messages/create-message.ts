import { encodeBody } from "@/lib/core/encoding/encode-body";
import { isSid } from "@/lib/core/ids";
import type { Tx } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { checkMessage, insertMessage, type InsertOutcome, type NewMessageRow } from "./insert-message-batch";
import type { Message } from "@/lib/server/message-state/message-columns";
import { twilioAppError } from "@/lib/server/errors";
import { getMessage } from "./message-queries";
import { shortenMessageLinks } from "@/lib/server/services/links/shorten-message-links";
import { createMessageSchema, type CreateMessageInput } from "./message-input";
import { looksLikeSenderAddress, parseRecipient } from "./parse-recipient";

const MAX_MEDIA = 10;
/** Scheduling window (docs/wire-contract.md "Messages resource": current docs say > 300 s and <= 35 days). */
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
 * Validates and persists an outbound message and its dispatch job. What
 * JavaScript can check alone is checked here, in Twilio's order; ONE SQL
 * statement then checks what needs the database (service, From, opt-out)
 * and writes the message row, its first status event and the graphile-worker
 * job (data-modifying CTEs), so they commit together or not at all and a
 * refused create writes nothing. Concurrent creates share that statement
 * (group commit, insert-message-batch.ts); passing `tx` runs it inside the
 * caller's transaction instead. Routing happens later, at dispatch time.
 * Shared by the REST API and the console's Send Test page.
 */
export async function createMessage(
  accountSid: string,
  raw: CreateMessageInput | Record<string, unknown>,
  // allowOptedOut: only for a keyword's own reply (the STOP confirmation must reach the number that just opted out).
  // idempotencyKey: a retried create with the same key answers the message the first one stored (docs/reliability.md).
  opts: { tx?: Tx; now?: Date; allowOptedOut?: boolean; idempotencyKey?: string } = {},
): Promise<Message> {
  const input = createMessageSchema.parse(raw);
  const now = opts.now ?? new Date();
  const to = input.to?.trim();
  if (!to) throw twilioAppError(21604);
  const from = input.from?.trim() || null;
  const serviceSid = input.messagingServiceSid?.trim() || null;
  if (!from && !serviceSid) throw twilioAppError(21603);
  if (serviceSid && !isSid(serviceSid, "MG")) throw twilioAppError(21705);
  const body = input.body ?? "";
  const mediaUrls = (input.mediaUrls ?? []).map((u) => u.trim()).filter(Boolean);
  if (!body && mediaUrls.length === 0) throw twilioAppError(21602);
  if (mediaUrls.length > MAX_MEDIA) throw twilioAppError(21623);
  const recipient = parseRecipient(to);
  if (!recipient) throw twilioAppError(21211, `'${to}' is not a valid phone number.`);
  if (from && !looksLikeSenderAddress(from)) throw twilioAppError(21212);

  // FallbackFrom (RCS's SMS fallback) picks from the service's pool, so it needs a service; whether it
  // is a usable sender is the routing core's decision at dispatch (21212 there).
  const fallbackFrom = input.fallbackFrom?.trim() || null;
  if (fallbackFrom && !serviceSid) throw twilioAppError(21212, "FallbackFrom needs a MessagingServiceSid.");
  if (fallbackFrom && !looksLikeSenderAddress(fallbackFrom)) throw twilioAppError(21212, `'${fallbackFrom}' is not a sender address.`);

  const statusCallback = input.statusCallback?.trim() || null;
  if (statusCallback && !isHttpUrl(statusCallback)) throw twilioAppError(21609);

  let validity: number | null = null;
  if (input.validityPeriod !== undefined && input.validityPeriod.trim() !== "") {
    validity = Number(input.validityPeriod);
    if (!Number.isInteger(validity) || validity < 1 || validity > 36000) throw twilioAppError(90007);
  }

  let sendAt: Date | null = null;
  if (input.scheduleType !== undefined && input.scheduleType !== "") {
    if (input.scheduleType !== "fixed") throw twilioAppError(35114, "ScheduleType must be 'fixed'.");
    if (!serviceSid) throw twilioAppError(35118);
    if (!input.sendAt) throw twilioAppError(35111);
    sendAt = new Date(input.sendAt);
    if (Number.isNaN(sendAt.getTime())) throw twilioAppError(35114);
    const ahead = sendAt.getTime() - now.getTime();
    if (ahead <= SCHEDULE_MIN_MS || ahead > SCHEDULE_MAX_MS) throw twilioAppError(35115);
  }

  const sid = newSid(mediaUrls.length ? "MM" : "SM");
  const status = sendAt ? "scheduled" : serviceSid ? "accepted" : "queued";
  const row = (text: string): NewMessageRow => {
    // Whether Smart Encoding applies depends on the service, read by the insert statement: both counts go.
    const plain = encodeBody(text, { smartEncoding: false });
    const smart = encodeBody(text, { smartEncoding: true });
    return {
      sid,
      account_sid: accountSid,
      service_sid: serviceSid,
      from,
      to: recipient.address,
      body: text,
      media_urls: mediaUrls,
      status,
      // true turns Smart Encoding on; false or absent leaves the service's setting, as dispatch does (docs/decisions.md).
      smart_encoded: Boolean(input.smartEncoded),
      segments_plain: plain.segments,
      encoding_plain: plain.encoding,
      segments_smart: smart.segments,
      encoding_smart: smart.encoding,
      too_long: plain.tooLong,
      status_callback: statusCallback,
      validity,
      send_at: sendAt ? sendAt.toISOString() : null,
      fallback_from: fallbackFrom,
      created_at: now.toISOString(),
      allow_opted_out: Boolean(opts.allowOptedOut),
      idempotency_key: opts.idempotencyKey ?? null,
    };
  };

  let text = body;
  if (input.shortenUrls) {
    // ShortenUrls (issue #7): a create that will be refused must not count against the link rate limit or
    // store links, so the database's checks run first; the body's length is checked once it is shortened.
    const checked = await checkMessage({ ...row(body), too_long: false }, opts.tx);
    if (checked.existingSid) return getMessage(accountSid, checked.existingSid, opts.tx);
    refuse(checked, serviceSid);
    text = await shortenMessageLinks({ accountSid, serviceSid, messageSid: sid, recipient: recipient.address, body, now, tx: opts.tx });
  }
  const final = row(text);
  // One statement checks what needs the database and inserts; without a caller's transaction it joins the
  // next group commit (insert-message-batch.ts).
  const outcome = await insertMessage(final, opts.tx);
  if (outcome.existingSid) return getMessage(accountSid, outcome.existingSid, opts.tx);
  refuse(outcome, serviceSid);
  const useSmart = outcome.useSmart;
  return {
    sid,
    accountSid,
    serviceSid,
    direction: "outbound-api",
    from,
    to: recipient.address,
    body: text,
    mediaUrls,
    status,
    numSegments: useSmart ? final.segments_smart : final.segments_plain,
    encoding: useSmart ? final.encoding_smart : final.encoding_plain,
    smartEncoded: final.smart_encoded,
    errorCode: null,
    errorMessage: null,
    statusCallback,
    validityPeriod: outcome.validityPeriod,
    sendAt,
    senderSid: outcome.senderSid,
    routingTrace: null,
    fallbackFrom,
    carrierSid: null,
    dateSent: null,
    createdAt: now,
    updatedAt: now,
  };
}

function refuse(outcome: InsertOutcome, serviceSid: string | null): void {
  if (outcome.error === 21701) throw twilioAppError(21701, `(${serviceSid})`);
  if (outcome.error) throw twilioAppError(outcome.error);
}
