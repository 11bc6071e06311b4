import { z } from "zod";
import { isSid } from "@/lib/core/ids";

/** An E.164 prefix: "+", then 1 to 15 digits, the first not 0 ("+44", "+4474"). */
const prefix = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v),
  z
    .string({ error: (i) => (i.input === undefined || i.input === null ? "Prefix is required" : "Prefix must be text") })
    .regex(/^\+[1-9]\d{0,14}$/, "Prefix must be + and 1 to 15 digits, such as +44"),
);

/**
 * Ordered carrier SIDs: comma-separated ("CR1,CR2"), repeated parameters, or
 * the console's numbered selects (blanks skipped). Order is failover order.
 */
const carrierSids = z.preprocess(
  (v) => {
    if (v === undefined || v === null) return v;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [x]));
    const list = parts.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "");
    return list.length === 0 ? null : list;
  },
  z
    .array(z.string().refine((s) => isSid(s, "CR"), "Each carrier SID is CR followed by 32 hex digits"), {
      error: (i) => (i.input === undefined || i.input === null ? "Choose at least one carrier" : "CarrierSids must be a comma-separated list of carrier SIDs"),
    })
    .max(10, "A route lists at most 10 carriers")
    .refine((l) => new Set(l).size === l.length, "A carrier appears at most once in a route"),
);

export const createCarrierRouteSchema = z.object({ prefix, carrierSids });
export const updateCarrierRouteSchema = createCarrierRouteSchema.partial();

export type CreateCarrierRouteInput = z.infer<typeof createCarrierRouteSchema>;
export type UpdateCarrierRouteInput = z.infer<typeof updateCarrierRouteSchema>;
