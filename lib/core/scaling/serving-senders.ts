import { alphaEligibility } from "../route/alpha-eligibility";
import type { Group, IndexedSender, NumberIndex, RoutingPool } from "../route/pool";
import type { SenderType } from "../senders/sender-type";
import type { Destination } from "./destination";

/** Which tier of sender selection serves a destination (docs/routing.md tiers). */
export type ServingTier = "short_code" | "alpha" | "toll_free" | "long_code" | "numbers" | "whatsapp" | "rcs" | "none";

export interface Serving {
  tier: ServingTier;
  /** The senders the Scaler spreads this destination's messages over; empty: none can send (21703). */
  senders: readonly IndexedSender[];
}

const NONE: Serving = { tier: "none", senders: [] };

function nonEmpty(g: Group | undefined): readonly IndexedSender[] | undefined {
  return g && g.all.length > 0 ? g.all : undefined;
}

/** The first non-empty level of Country / Area Code Geomatch, as numberTier in lib/core/route/select-sender.ts walks them. */
function numberLevel(index: NumberIndex, d: Destination, areaCodeGeomatch: boolean): readonly IndexedSender[] | undefined {
  if (index.all.all.length === 0) return undefined;
  const nanp = d.country === "US" || d.country === "CA";
  if (areaCodeGeomatch && nanp && d.npa) {
    const own = nonEmpty(index.byNpa.get(d.npa)) ?? nonEmpty(index.overlay(d.npa));
    if (own) return own;
  }
  return nonEmpty(index.byCountry.get(d.country)) ?? (d.country !== "US" ? nonEmpty(index.byCountry.get("US")) : undefined) ?? index.all.all;
}

/**
 * The senders that take a destination's messages, by the same tiers as
 * selectSender for a text message to a recipient whose carrier takes short
 * codes and not RCS (the routing defaults). Sticky mappings and per-message
 * media are left out: this is the pool's pace for the destination as a
 * whole, not one recipient's (docs/scaling.md "Drain time").
 */
export function servingSenders(pool: RoutingPool, d: Destination, opts: { areaCodeGeomatch: boolean }): Serving {
  if (d.channel === "whatsapp") {
    const s = nonEmpty(pool.whatsappByCountry.get(d.country)) ?? nonEmpty(pool.whatsappAll);
    return s ? { tier: "whatsapp", senders: s } : NONE;
  }
  if (d.channel === "rcs") {
    const s = nonEmpty(pool.rcsByCountry.get(d.country)) ?? nonEmpty(pool.rcsAll);
    return s ? { tier: "rcs", senders: s } : NONE;
  }
  const shortCodes = nonEmpty(pool.shortCodeByCountry.get(d.country));
  if (shortCodes) return { tier: "short_code", senders: shortCodes };
  const alpha = nonEmpty(pool.alphaByCountry.get(d.country)) ?? nonEmpty(pool.alphaGlobal);
  if (alpha && alphaEligibility(d.country).eligible) return { tier: "alpha", senders: alpha };
  if (d.country === "CA") {
    const tf = numberLevel(pool.tollFree, d, opts.areaCodeGeomatch);
    if (tf) return { tier: "toll_free", senders: tf };
    const lc = numberLevel(pool.longCodes, d, opts.areaCodeGeomatch);
    return lc ? { tier: "long_code", senders: lc } : NONE;
  }
  const numbers = numberLevel(pool.numbers, d, opts.areaCodeGeomatch);
  if (!numbers) return NONE;
  const types = new Set<SenderType>(numbers.map((s) => s.type));
  return { tier: types.size === 1 ? (types.has("toll_free") ? "toll_free" : "long_code") : "numbers", senders: numbers };
}

/** How the Scaling tab names a tier. */
export const SERVING_TIER_LABELS: Record<ServingTier, string> = {
  short_code: "Short code",
  alpha: "Alphanumeric sender ID",
  toll_free: "Toll-free",
  long_code: "Long code",
  numbers: "Long code and toll-free",
  whatsapp: "WhatsApp",
  rcs: "RCS",
  none: "No sender (fails 21703)",
};
