import { z } from "zod";

/**
 * Field parsers shared by server actions (FormData) and the REST API
 * (form-encoded PascalCase params): both deliver strings, so booleans and
 * numbers are coerced here, once.
 */

/** "true"/"false"/"on"/boolean; a repeated key (hidden "false" + checkbox "true") takes the last value. */
export const formBool = z.preprocess((v) => {
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  if (typeof last === "boolean") return last;
  if (typeof last === "string") {
    const s = last.trim().toLowerCase();
    if (s === "true" || s === "on" || s === "1") return true;
    if (s === "false" || s === "off" || s === "0" || s === "") return false;
  }
  return last;
}, z.boolean({ error: "Must be true or false" }));

/** Absolute http(s) URL; empty string or null clears the value. */
export const optionalUrl = z.preprocess(
  (v) => (v === "" || v === undefined ? null : typeof v === "string" ? v.trim() : v),
  z
    .string()
    .max(2048, "URL is too long")
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
      } catch {
        return false;
      }
    }, "Enter an absolute http(s) URL")
    .nullable(),
);

export const httpMethod = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z.enum(["GET", "POST"], { error: "Method must be GET or POST" }),
);

export const intInRange = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );
