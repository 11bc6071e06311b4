import type { RecipientCapabilities } from "@/lib/carriers/driver";
import { alphaSupportFor } from "@/lib/core/senders/alpha-countries";
import type { Recipient } from "@/lib/server/services/messages/parse-recipient";
import type { PoolSender } from "./pool-cache";

export interface RouteInput {
  pool: PoolSender[];
  recipient: Recipient;
  hasMedia: boolean;
  capabilities: RecipientCapabilities;
  /** Sticky mapping for (service, channel, recipient), when the service uses Sticky Sender. */
  stickySenderSid: string | null;
}

export type RouteResult =
  | { ok: true; sender: PoolSender; trace: string[]; warnings: string[] }
  | { ok: false; error: { code: number; message: string }; trace: string[] };

let roundRobin = 0;

/**
 * PROVISIONAL sender selection, used until lib/core's routing (RoutingPool /
 * selectSender) lands; it follows SPEC section 2 in simplified form: channel,
 * sticky mapping, tier (RCS, short code, alpha, long code/toll-free),
 * country geomatch, MMS capability, round-robin among equals.
 * Replace the body with a call into lib/core; the shape already matches.
 */
export function routeMessage(input: RouteInput): RouteResult {
  const { pool, recipient, hasMedia, capabilities } = input;
  const trace: string[] = [];
  if (pool.length === 0) return { ok: false, error: { code: 21704, message: "The Messaging Service contains no senders." }, trace: ["pool is empty"] };

  const channelKinds = recipient.channel === "whatsapp" ? ["whatsapp"] : recipient.channel === "rcs" ? ["rcs"] : null;
  const eligible = (s: PoolSender) => (channelKinds ? channelKinds.includes(s.kind) : s.kind !== "whatsapp" && (s.kind !== "rcs" || capabilities.rcs)) && (!hasMedia || s.mms || s.kind === "rcs");

  if (input.stickySenderSid) {
    const sticky = pool.find((s) => s.sid === input.stickySenderSid);
    if (sticky && eligible(sticky) && (sticky.kind !== "short_code" || (capabilities.shortCode && sticky.isoCountry === recipient.isoCountry))) {
      return { ok: true, sender: sticky, trace: [`sticky mapping -> ${sticky.address}`], warnings: [] };
    }
    trace.push("sticky mapping no longer valid: ignored");
  }

  const country = recipient.isoCountry;
  const tiers: [string, (s: PoolSender) => boolean][] = channelKinds
    ? [[recipient.channel, () => true]]
    : [
        ["rcs", (s) => s.kind === "rcs" && capabilities.rcs],
        ["short code", (s) => s.kind === "short_code" && s.isoCountry === country && capabilities.shortCode],
        ["alpha sender", (s) => s.kind === "alpha" && (s.isoCountry === country || s.isoCountry === "") && alphaSupportFor(country)?.alphaSupported === true],
        ["long code / toll-free", (s) => s.kind === "long_code" || s.kind === "toll_free"],
      ];
  for (const [name, inTier] of tiers) {
    const candidates = pool.filter((s) => eligible(s) && inTier(s));
    if (candidates.length === 0) {
      trace.push(`${name}: no eligible sender`);
      continue;
    }
    const alphaDest = candidates.filter((s) => s.kind === "alpha" && s.isoCountry === country);
    const sameCountry = alphaDest.length ? alphaDest : candidates.filter((s) => s.isoCountry === country);
    const us = candidates.filter((s) => s.isoCountry === "US");
    const best = sameCountry.length ? sameCountry : us.length && !channelKinds ? us : candidates;
    const sender = best[roundRobin++ % best.length] as PoolSender;
    trace.push(`${name}: ${sender.address} (${best === sameCountry ? "country match" : best === us ? "US fallback" : "any"}, ${best.length} equal)`);
    return { ok: true, sender, trace, warnings: [] };
  }
  return { ok: false, error: { code: 21703, message: "The Messaging Service has no sender available for this destination or message type." }, trace };
}
