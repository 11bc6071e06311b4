import type { RecipientCapabilities } from "@/lib/carriers/driver";
import type { SmsEncoding } from "@/lib/core/encoding/encode-body";
import { planMessage } from "@/lib/core/plan-message";
import { RoutingPool } from "@/lib/core/route/pool";
import type { StickyReader } from "@/lib/core/route/sticky-store";
import type { RoutingWarning, Sender, ServiceSettings, StickyChannel } from "@/lib/core/route/types";
import { publicBaseUrl } from "@/lib/server/api/pagination";
import type { PoolSender } from "./pool-cache";

export interface RouteInput {
  serviceSid: string;
  /** The message SID: media links of the MMS Converter are derived from it. */
  sid?: string;
  settings: ServiceSettings;
  /** The message's own SmartEncoded=true (turns Smart Encoding on even when the service has it off). */
  smartEncoded?: boolean;
  pool: PoolSender[];
  to: string;
  body: string;
  mediaUrls: string[];
  capabilities: RecipientCapabilities;
  /** Sticky mapping for (service, channel, recipient) as loaded from sticky_mappings. */
  stickySenderSid: string | null;
  /** The message's FallbackFrom (RCS): its SMS/MMS fallback sender, validated by the core (21212). */
  fallbackFrom?: string;
  /**
   * An explicit From sent with the service: the core checks it against the recipient instead of
   * selecting (docs/product.md "Explicit From"), and the service's content features still apply. Outside the pool it is
   * still the account's own sender (create checked it).
   */
  explicitFrom?: PoolSender;
}

/** What goes to the carrier, decided at routing time (Smart Encoding, MMS Converter). */
export interface SentContent {
  /** Body as handed to the carrier, when it differs from the message's body. */
  body?: string;
  /** Media went as links appended to the body (MMS Converter); no media is sent. */
  converted: boolean;
  segments: number;
  encoding: SmsEncoding;
}

/** Stored in messages.routing_trace: the trace, warnings (text) and what was sent. */
export interface StoredRoutingTrace {
  trace: string[];
  warnings: string[];
  sent?: SentContent;
  fallbackFrom?: string;
}

export type RouteResult =
  | {
      ok: true;
      sender: PoolSender;
      trace: string[];
      warnings: string[];
      /** The routing core's warnings with their codes (alerts are raised from these). */
      routingWarnings: RoutingWarning[];
      sent: SentContent;
      routingTrace: StoredRoutingTrace;
      stickyWrite?: { channel: StickyChannel; senderSid: string };
      stickyRemove?: { channel: StickyChannel };
    }
  | { ok: false; error: { code: number; message: string }; trace: string[]; stickyRemove?: { channel: StickyChannel } };

function toSender(s: PoolSender): Sender {
  const sender: Sender = { id: s.sid, type: s.kind, address: s.address, capabilities: s.mms ? ["SMS", "MMS"] : ["SMS"] };
  if (s.isoCountry) sender.country = s.isoCountry;
  if (s.countries.length) sender.countries = s.countries;
  return sender;
}

/**
 * lib/core's RoutingPool per service, rebuilt when the pool rows change
 * (pool rows are themselves cached briefly, see pool-cache.ts). Kept across
 * messages so the Scaler's round-robin state carries over in-process.
 */
const routingPools = new Map<string, { key: string; pool: RoutingPool }>();

function routingPoolFor(serviceSid: string, senders: PoolSender[]): RoutingPool {
  const key = senders.map((s) => `${s.sid}:${s.address}:${s.isoCountry}:${s.mms}:${s.countries.join(",")}`).join(";");
  const hit = routingPools.get(serviceSid);
  if (hit && hit.key === key) return hit.pool;
  const pool = new RoutingPool(senders.map(toSender));
  routingPools.set(serviceSid, { key, pool });
  return pool;
}

/**
 * MMS Converter link for the n-th media URL of a message (1-based). Derived
 * from the message SID rather than stored, so a re-submitted message gets
 * the same links; app/m/[sid]/[n] redirects to the media for 365 days.
 */
export function mediaLink(sid: string, n: number): string {
  return `${publicBaseUrl()}/m/${sid}/${n}`;
}

/**
 * The one mapping dispatch loaded is for this message's recipient already
 * (loadDispatchContext keys it by channel and E.164), so the reader only
 * checks the channel: no second parse of the address here.
 */
function stickyFor(input: RouteInput): StickyReader {
  const id = input.stickySenderSid;
  const channel: StickyChannel = input.to.toLowerCase().startsWith("whatsapp:") ? "whatsapp" : "sms";
  return { get: (c) => (id && c === channel ? id : undefined) };
}

function smartEncodingNote(input: RouteInput): string {
  if (input.smartEncoded && !input.settings.smartEncoding) return "on (SmartEncoded=true)";
  return input.settings.smartEncoding ? "on (service setting)" : "off";
}

/**
 * Sender selection and content at dispatch time: lib/core's planMessage
 * (selectSender + Smart Encoding + MMS Converter + FallbackFrom) over the
 * service's pool. The result says what the carrier gets and how many
 * segments it costs.
 */
export function routeMessage(input: RouteInput): RouteResult {
  const pool = routingPoolFor(input.serviceSid, input.pool);
  const smartEncoding = input.settings.smartEncoding || Boolean(input.smartEncoded);
  let n = 0;
  const sid = input.sid ?? "";
  const plan = planMessage(
    pool,
    { to: input.to, body: input.body, mediaUrls: input.mediaUrls, fallbackFrom: input.fallbackFrom, from: input.explicitFrom?.address },
    {
      settings: { ...input.settings, smartEncoding },
      isAccountSender: (address) => address === input.explicitFrom?.address,
      carrier: { shortCodes: input.capabilities.shortCode, mms: input.capabilities.mms, rcs: input.capabilities.rcs },
      sticky: stickyFor(input),
      makeMediaLink: () => mediaLink(sid, ++n),
    },
  );
  const stickyRemove = plan.stickyDelete ? { channel: plan.stickyDelete.channel } : undefined;
  if (!plan.ok || !plan.senderId) {
    const error = plan.error ?? { code: 21703, message: "Selected sender is no longer in the pool" };
    return { ok: false, error: { code: error.code, message: error.message }, trace: plan.trace, stickyRemove };
  }
  const sender = input.pool.find((s) => s.sid === plan.senderId) ?? (plan.sender?.inPool === false ? input.explicitFrom : undefined);
  if (!sender) return { ok: false, error: { code: 21703, message: "Selected sender is no longer in the pool" }, trace: plan.trace };

  const sent: SentContent = { converted: plan.converted, segments: plan.segments, encoding: plan.encoding };
  if (plan.body !== input.body) sent.body = plan.body;
  const trace = [...plan.trace];
  if (plan.channel === "sms" && !(input.mediaUrls.length > 0 && !plan.converted)) {
    trace.push(`content: smart encoding ${smartEncodingNote(input)}; ${plan.encoding}, ${plan.segments} segment(s)`);
  } else {
    trace.push(`content: ${plan.channel === "sms" ? "MMS" : plan.channel}, no Smart Encoding, 1 message`);
  }
  const warnings = plan.warnings.map((w) => w.message);
  const routingTrace: StoredRoutingTrace = { trace, warnings, sent };
  if (plan.fallbackSender) routingTrace.fallbackFrom = plan.fallbackSender.address;
  return {
    ok: true,
    sender,
    trace,
    warnings,
    routingWarnings: plan.warnings,
    sent,
    routingTrace,
    stickyWrite: plan.stickyWrite ? { channel: plan.stickyWrite.channel, senderSid: plan.stickyWrite.senderId } : undefined,
    stickyRemove,
  };
}
