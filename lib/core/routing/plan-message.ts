import { encodeBody, type SmsEncoding } from "@/lib/core/encoding/encode-body";
import type { TwilioErrorCode } from "@/lib/core/errors";
import type { RoutingPool } from "./pool";
import { selectSender, type SelectContext } from "./select-sender";
import type { MutableStickyStore } from "./sticky-store";
import type { RoutingRequest, RoutingWarning, SelectResult, SendChannel } from "./types";

export interface PlanContext extends SelectContext {
  /** Short link for one media URL (MMS Converter; the server's links live 365 days). */
  makeMediaLink?: (url: string) => string;
}

/** A routing decision plus content: exactly the scenario output fields (routing-scenarios.md), and the details behind them. */
export interface MessagePlan {
  senderId: string | null;
  from: string | null;
  error: TwilioErrorCode | null;
  /** Null only when `to` is not a valid address. */
  channel: SendChannel | null;
  encoding: SmsEncoding;
  segments: number;
  body: string;
  converted: boolean;
  trace: string[];
  warnings: RoutingWarning[];
  selection: SelectResult;
}

/**
 * Routing + MMS Converter + encoding. Smart Encoding (service setting) only
 * touches SMS bodies: MMS, WhatsApp and RCS carry Unicode as is and count as
 * one segment.
 */
export function planMessage(pool: RoutingPool, req: RoutingRequest, ctx: PlanContext = {}): MessagePlan {
  const selection = selectSender(pool, req, ctx);
  let body = req.body ?? "";
  let channel: SendChannel | null;
  if (selection.ok) {
    channel = selection.channel;
    if (selection.converted && req.mediaUrls && req.mediaUrls.length > 0) {
      if (!ctx.makeMediaLink) throw new Error("planMessage: MMS Converter needs makeMediaLink");
      const links = req.mediaUrls.map((u) => ctx.makeMediaLink!(u));
      body = body === "" ? links.join("\n") : `${body}\n${links.join("\n")}`;
      selection.trace.push(`mms converter: appended ${links.length} media link${links.length > 1 ? "s" : ""}`);
    }
  } else {
    channel = selection.recipient ? (selection.recipient.channel === "sms" && (req.mediaUrls?.length ?? 0) > 0 ? "mms" : selection.recipient.channel) : null;
  }
  const sms = channel === "sms" || channel === null;
  const encoded = encodeBody(body, { smartEncoding: sms && pool.settings.smartEncoding });
  return {
    senderId: selection.ok ? selection.sender.id : null,
    from: selection.ok ? selection.sender.address : null,
    error: selection.ok ? null : selection.error.code,
    channel,
    encoding: encoded.encoding,
    segments: sms ? encoded.segments : 1,
    body: encoded.body,
    converted: selection.ok && selection.converted === true,
    trace: selection.trace,
    warnings: selection.warnings,
    selection,
  };
}

/**
 * After a send: applies the decision's sticky changes to an in-memory store
 * and counts the message in flight (messages in a scenario never complete,
 * so "in flight" there means "sent so far").
 */
export function applySelection(pool: RoutingPool, sticky: MutableStickyStore | undefined, selection: SelectResult): void {
  if (sticky && selection.stickyRemove) sticky.delete(selection.stickyRemove.channel, selection.stickyRemove.recipient);
  if (!selection.ok) return;
  if (sticky && selection.stickyWrite) sticky.set(selection.stickyWrite.channel, selection.stickyWrite.recipient, selection.stickyWrite.senderId);
  pool.beginSend(selection.sender.id);
}
