import { z } from "zod";
import { RANGE_PRESETS, resolveRange, type TimeRange } from "@/lib/core/insights/time-range";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
const presets = RANGE_PRESETS.map((p) => p.value) as [(typeof RANGE_PRESETS)[number]["value"], ...(typeof RANGE_PRESETS)[number]["value"][]];

/**
 * Insights filters, shared by the pages (search params) and the CSV export
 * (docs/insights.md "Filters"): a time range (preset or custom UTC days),
 * a service, a sender (our number, short code, alphanumeric ID or channel
 * address).
 */
export const insightsFilterSchema = z.object({
  range: z.preprocess(blankToUndefined, z.enum(presets, { error: "Choose a time range" }).default("7d")),
  from: opt(z.string().max(10)),
  to: opt(z.string().max(10)),
  service: opt(z.string().regex(/^MG[0-9a-fA-F]{32}$/, "Not a Messaging Service SID")),
  sender: opt(z.string().max(64, "A sender is at most 64 characters")),
});

export type InsightsFilter = z.infer<typeof insightsFilterSchema>;

export type ParsedInsightsFilter =
  | { ok: true; filter: InsightsFilter; range: TimeRange }
  | { ok: false; errors: Record<string, string> };

/** Search params to a filter and its time range; invalid input comes back as field errors, never a crash. */
export function parseInsightsFilter(input: Record<string, string | string[] | undefined>, now: Date): ParsedInsightsFilter {
  const flat = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = insightsFilterSchema.safeParse(flat);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) errors[String(i.path[0] ?? "_")] ??= i.message;
    return { ok: false, errors };
  }
  const range = resolveRange(parsed.data, now);
  if ("error" in range) return { ok: false, errors: { [range.field]: range.error } };
  return { ok: true, filter: parsed.data, range };
}
