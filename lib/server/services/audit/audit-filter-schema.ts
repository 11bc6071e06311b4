import { z } from "zod";
import { isAuditAction } from "@/lib/core/audit/audit-actions";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Enter a real date");

/** The audit log's filters (search params of /audit): actor, action, resource SID, a UTC date range, and a keyset cursor either way. */
export const auditFilterSchema = z
  .object({
    actor: opt(z.string().max(254, "At most 254 characters")),
    action: opt(z.string().refine(isAuditAction, "Unknown action")),
    resource: opt(z.string().max(100, "At most 100 characters")),
    from: opt(day),
    to: opt(day),
    before: opt(z.string().max(200)),
    after: opt(z.string().max(200)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The end date is before the start date" });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Invalid filters come back as field errors, never as a crash. */
export function parseAuditFilter(input: Record<string, string | string[] | undefined>) {
  const flat: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(input)) flat[k] = Array.isArray(v) ? v[0] : v;
  return auditFilterSchema.safeParse(flat);
}
