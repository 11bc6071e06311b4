import { alphaEligibility } from "../route/alpha-eligibility";
import { DEFAULT_MPS } from "../senders/mps";
import { SHORT_CODE_COUNTRIES } from "./country-rules";
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

/**
 * What to add when a group's volume outgrows its senders, with the
 * pipeline's MPS figures (lib/core/senders/mps.ts): long codes where they are
 * allowed, toll-free in Canada, an alphanumeric sender where the country takes
 * one, a short code where the guide names them.
 */
export function suggestSenders(g: QueueGroup, atRisk: number, safetyMs: number): Suggestion | undefined {
  if (g.drainSeconds === null || g.depth === 0) return undefined;
  if (g.drainSeconds <= TARGET_DRAIN_SECONDS && atRisk === 0) return undefined;
  const neededMps = g.depth / TARGET_DRAIN_SECONDS;
  const where = g.countries.join(", ");
  const options: string[] = [];
  const smsOnly = g.tier !== "whatsapp" && g.tier !== "rcs";
  const single = g.countries.length === 1 ? g.countries[0] : undefined;
  if (smsOnly && g.tier !== "short_code" && g.tier !== "alpha") {
    const canada = single === "CA";
    const kind = canada ? "toll_free" : "long_code";
    const n = Math.ceil(neededMps / paced(DEFAULT_MPS[kind], safetyMs));
    options.push(canada ? count(n, "toll-free number", "toll-free numbers") : count(n, "long code", "long codes"));
  }
  if (smsOnly && single && SHORT_CODE_COUNTRIES.countries.includes(single)) {
    const n = Math.ceil(neededMps / paced(DEFAULT_MPS.short_code, safetyMs));
    options.push(n === 1 ? "one short code" : `${n} short codes`);
  } else if (smsOnly && single && alphaEligibility(single).eligible) {
    const n = Math.ceil(neededMps / paced(DEFAULT_MPS.alpha, safetyMs));
    options.push(n === 1 ? "an alphanumeric sender ID" : `an alphanumeric sender ID raised to about ${Math.ceil(neededMps)} MPS`);
  }
  if (!smsOnly) options.push(`about ${Math.ceil(neededMps)} MPS of ${g.tier === "whatsapp" ? "WhatsApp" : "RCS"} senders`);
  if (options.length === 0) options.push(`about ${Math.ceil(neededMps)} MPS more`);
  const why = `${count(g.depth, "queued message", "queued messages")} take ${formatDuration(g.drainSeconds)} at the pool's ${g.capacityMps.toFixed(1)} MPS${atRisk ? `, and ${count(atRisk, "expires", "expire")} first` : ""}`;
  return {
    groupKey: g.key,
    countries: g.countries,
    neededMps,
    message: `This service's ${where} traffic needs about ${options.join(", or ")} to drain within ${formatDuration(TARGET_DRAIN_SECONDS)}: ${why}.`,
  };
}
