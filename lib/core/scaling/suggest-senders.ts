import { alphaEligibility } from "../route/alpha-eligibility";
import { DEFAULT_MPS } from "../senders/mps";
import { COUNTRY_RULES, ruleApplies, SHORT_CODE_COUNTRIES } from "./country-rules";
import type { QueueGroup } from "./estimate-queue";
import { formatDuration } from "./format-duration";

/**
 * A group's queue is "outgrown" when it takes longer than this to drain at
 * full pace, or when some of its messages would expire first: then it needs
 * depth / TARGET_DRAIN_SECONDS messages per second (docs/scaling.md "Suggestions").
 */
export const TARGET_DRAIN_SECONDS = 600;

export interface Suggestion {
  groupKey: string;
  countries: string[];
  /** Messages per second the group needs to drain within the target. */
  neededMps: number;
  message: string;
}

function paced(mps: number, safetyMs: number): number {
  return 1_000_000 / Math.ceil(((1000 + safetyMs) * 1000) / mps);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How many countries of one outgrown group get a suggestion (the busiest first). */
export const MAX_SUGGESTIONS_PER_GROUP = 5;

/** What gives one country's traffic `neededMps`, with the pipeline's MPS figures. */
function options(country: string, tier: QueueGroup["tier"], neededMps: number, safetyMs: number): string[] {
  if (tier === "whatsapp" || tier === "rcs") return [`about ${Math.ceil(neededMps)} MPS of ${tier === "whatsapp" ? "WhatsApp" : "RCS"} senders`];
  const out: string[] = [];
  // More numbers only where the country rules let numbers carry A2P traffic: not in France, toll-free in Canada.
  const allowed = COUNTRY_RULES.find((r) => r.check.kind === "a2p_sender_types" && ruleApplies(r, country))?.check;
  const numberKind = !allowed || allowed.kind !== "a2p_sender_types" || allowed.allowed.includes("long_code") ? "long_code" : allowed.allowed.includes("toll_free") ? "toll_free" : undefined;
  if (tier !== "short_code" && tier !== "alpha" && numberKind) {
    const n = Math.ceil(neededMps / paced(DEFAULT_MPS[numberKind], safetyMs));
    out.push(`about ${numberKind === "toll_free" ? count(n, "toll-free number", "toll-free numbers") : count(n, "long code", "long codes")}`);
  }
  if (SHORT_CODE_COUNTRIES.countries.includes(country)) {
    const n = Math.ceil(neededMps / paced(DEFAULT_MPS.short_code, safetyMs));
    out.push(n === 1 ? "one short code" : `${n} short codes`);
  } else if (alphaEligibility(country).eligible) {
    const n = Math.ceil(neededMps / paced(DEFAULT_MPS.alpha, safetyMs));
    out.push(n === 1 ? "an alphanumeric sender ID" : `an alphanumeric sender ID raised to about ${Math.ceil(neededMps)} MPS`);
  }
  if (out.length === 0) out.push(`about ${Math.ceil(neededMps)} MPS more`);
  return out;
}

/**
 * What to add when a group's volume outgrows its senders, per country of
 * the group (each country's share of the queue, drained within the target):
 * long codes where they are allowed, toll-free in Canada, an alphanumeric
 * sender where the country takes one, a short code where the guide names
 * them (docs/scaling.md "Suggestions").
 */
export function suggestSenders(g: QueueGroup, atRisk: number, safetyMs: number): Suggestion[] {
  if (g.drainSeconds === null || g.depth === 0) return [];
  if (g.drainSeconds <= TARGET_DRAIN_SECONDS && atRisk === 0) return [];
  const why = `${count(g.depth, "queued message", "queued messages")}${g.countries.length > 1 ? ` (${g.countries.join(", ")} share these senders)` : ""} take ${formatDuration(g.drainSeconds)} at the pool's ${g.capacityMps.toFixed(1)} MPS${atRisk ? `, and ${count(atRisk, "expires", "expire")} first` : ""}`;
  return Object.entries(g.countryDepth)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_SUGGESTIONS_PER_GROUP)
    .map(([country, depth]) => {
      const neededMps = depth / TARGET_DRAIN_SECONDS;
      return {
        groupKey: `${g.key}:${country}`,
        countries: [country],
        neededMps,
        message: `This service's ${country} traffic needs ${options(country, g.tier, neededMps, safetyMs).join(", or ")} to drain within ${formatDuration(TARGET_DRAIN_SECONDS)}: ${why}.`,
      };
    });
}
