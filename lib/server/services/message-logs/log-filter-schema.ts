import { z } from "zod";
import { MESSAGE_STATUSES } from "@/lib/core/messages/message-statuses";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

/**
 * Message Logs filters, shared by the page (search params), its JSON route
 * (live refresh) and the CSV export. Dates are whole UTC days, inclusive.
 */
export const logFilterSchema = z
  .object({
    service: opt(z.string().regex(/^MG[0-9a-fA-F]{32}$/, "Not a Messaging Service SID")),
    direction: opt(z.enum(["outbound", "inbound"])),
    status: opt(z.enum(MESSAGE_STATUSES)),
    errorCode: opt(z.coerce.number({ error: "Error code must be a number" }).int("Error code must be a number").min(1, "Error code must be a number").max(99999, "Error code must be a number")),
    to: opt(z.string().max(64)),
    from: opt(z.string().max(64)),
    dateFrom: opt(day),
    dateTo: opt(day),
    sort: opt(z.enum(["newest", "oldest"])),
    cursor: opt(z.string().max(200)),
    limit: opt(z.coerce.number().int().min(1).max(200)),
  })
  .refine((f) => !f.dateFrom || !f.dateTo || f.dateFrom <= f.dateTo, { message: "The start date is after the end date", path: ["dateTo"] });

export type LogFilter = z.infer<typeof logFilterSchema>;

/** Reads filters from URLSearchParams-like input; invalid filters come back as field errors, never as a crash. */
export function parseLogFilter(input: Record<string, string | string[] | undefined>) {
  const flat: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(input)) flat[k] = Array.isArray(v) ? v[0] : v;
  return logFilterSchema.safeParse(flat);
}
