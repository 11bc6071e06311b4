import { z } from "zod";
import { ALERT_TYPES } from "@/lib/core/alerts/alert-kinds";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
const codes = ALERT_TYPES.map((t) => t.code) as number[];

/** Alerts page filters (search params) and the console JSON route: service, type (code), keyset cursor. */
export const alertFilterSchema = z.object({
  service: opt(z.string().regex(/^MG[0-9a-fA-F]{32}$/, "Not a Messaging Service SID")),
  code: opt(z.coerce.number({ error: "Unknown alert type" }).int("Unknown alert type").refine((c) => codes.includes(c), "Unknown alert type")),
  cursor: opt(z.string().max(200)),
  limit: opt(z.coerce.number().int().min(1).max(200)),
});

export type AlertFilter = z.infer<typeof alertFilterSchema>;

/** Invalid filters come back as field errors, never as a crash. */
export function parseAlertFilter(input: Record<string, string | string[] | undefined>) {
  const flat: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(input)) flat[k] = Array.isArray(v) ? v[0] : v;
  return alertFilterSchema.safeParse(flat);
}
