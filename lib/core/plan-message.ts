import { encodeBody, type SmsEncoding } from "./encoding/encode-body";
import { twilioError, type TwilioError } from "./errors";
import { parseAddress, type Channel } from "./phone/parse-address";
import type { RoutingPool } from "./route/pool";
import { selectSender, type SelectContext } from "./route/select-sender";
import type { ChosenSender, RoutingWarning, SelectResult, StickyKey, StickyWrite } from "./route/types";

export interface MessageInput {
  to: string;
  body?: string;
  mediaUrls?: readonly string[];
  from?: string;
  fallbackFrom?: string;
}

export interface PlanContext extends SelectContext {
  /** Short link for a media URL (MMS Converter); links live 365 days. */
  makeMediaLink: (url: string) => string;
}

/** Everything a send needs to know before it is queued. */
export interface MessagePlan {
  ok: boolean;
  senderId: string | null;
  from: string | null;
  error: TwilioError | null;
  /** Channel used: "rcs" when an RCS sender won for an SMS address. */
  channel: Channel;
  encoding: SmsEncoding;
  /** SMS segments; 1 for MMS, WhatsApp and RCS. */
  segments: number;
  /** Body handed to the carrier (Smart Encoding, converter link). */
  body: string;
  /** Media was turned into links by the MMS Converter. */
  converted: boolean;
  trace: string[];
  warnings: RoutingWarning[];
  sender?: ChosenSender;
  fallbackSender?: ChosenSender;
  stickyWrite?: StickyWrite;
  stickyDelete?: StickyKey;
  /** The raw routing decision (undefined when validation failed first). */
  decision?: SelectResult;
}

function channelOf(to: string): Channel {
  const lower = to.trim().toLowerCase();
  if (lower.startsWith("whatsapp:")) return "whatsapp";
  if (lower.startsWith("rcs:")) return "rcs";
  return "sms";
}

/**
 * Validates a message, routes it and prepares its body: the whole pre-queue
 * part of the send pipeline, without I/O. Order of checks: To (21211), body
 * or media present (21602), body length (21617), routing (21704, 21703, ...).
 */
export function planMessage(pool: RoutingPool, input: MessageInput, ctx: PlanContext): MessagePlan {
  const body = input.body ?? "";
  const media = input.mediaUrls ?? [];
  const smsEncoding = encodeBody(body, { smartEncoding: ctx.settings.smartEncoding });
  const base = {
    senderId: null,
    from: null,
    channel: channelOf(input.to),
    encoding: smsEncoding.encoding,
    segments: smsEncoding.segments,
    body: smsEncoding.body,
    converted: false,
    warnings: [],
  };
  const failWith = (error: TwilioError, trace: string[]): MessagePlan => ({ ...base, ok: false, error, trace });

  const parsed = parseAddress(input.to);
  if (!parsed.ok) return failWith(parsed.error, [`to: ${input.to} is not a valid phone number`]);
  if (body.length === 0 && media.length === 0) return failWith(twilioError(21602), ["body: no Body and no MediaUrl"]);
  if (smsEncoding.tooLong) {
    return failWith(twilioError(21617), [`body: ${smsEncoding.characters} characters, limit 1600`]);
  }

  const decision = selectSender(pool, { to: parsed.address, hasMedia: media.length > 0, from: input.from, fallbackFrom: input.fallbackFrom }, ctx);
  if (!decision.ok) {
    return {
      ...base,
      ok: false,
      error: decision.error,
      trace: decision.trace,
      warnings: decision.warnings,
      stickyDelete: decision.stickyDelete,
      decision,
    };
  }

  let out = { body: smsEncoding.body, encoding: smsEncoding.encoding, segments: smsEncoding.segments };
  const trace = decision.trace;
  if (decision.channel !== "sms") {
    // WhatsApp and RCS carry Unicode and media natively: no Smart Encoding, no segments.
    const plain = encodeBody(body, { smartEncoding: false });
    out = { body, encoding: plain.encoding, segments: 1 };
  } else if (decision.convertMedia) {
    const links = media.map((url) => ctx.makeMediaLink(url));
    const withLinks = body.length > 0 ? `${body}\n${links.join("\n")}` : links.join("\n");
    const encoded = encodeBody(withLinks, { smartEncoding: ctx.settings.smartEncoding });
    out = { body: encoded.body, encoding: encoded.encoding, segments: encoded.segments };
    trace.push(`mms converter: ${links.length} link(s) appended, ${encoded.segments} segment(s)`);
  } else if (media.length > 0) {
    // Sent as MMS: one message, body untouched by Smart Encoding (an SMS feature).
    const plain = encodeBody(body, { smartEncoding: false });
    out = { body, encoding: plain.encoding, segments: 1 };
  } else if (smsEncoding.replaced.length > 0) {
    trace.push(`smart encoding: ${smsEncoding.replaced.length} character(s) replaced`);
  }

  return {
    ok: true,
    senderId: decision.sender.id,
    from: decision.sender.address,
    error: null,
    channel: decision.channel,
    ...out,
    converted: decision.convertMedia,
    trace,
    warnings: decision.warnings,
    sender: decision.sender,
    fallbackSender: decision.fallbackSender,
    stickyWrite: decision.stickyWrite,
    stickyDelete: decision.stickyDelete,
    decision,
  };
}
