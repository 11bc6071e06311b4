import { z } from "zod";
import { formBool } from "@/lib/server/validation/fields";

/**
 * Field parsers of the carrier forms and the /v1/Carriers parameters. Both
 * deliver strings; a blank value becomes null so that it reads "X is
 * required" (an absent one, undefined, is "keep" on update where the field
 * is optional).
 */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const isMissing = (input: unknown) => input === undefined || input === null;

export function requiredText(label: string, max: number) {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: (i) => (isMissing(i.input) ? `${label} is required` : `${label} must be text`) })
      .trim()
      .max(max, `${label} must be at most ${max} characters`),
  );
}

/** A secret: blank means "not given". Not trimmed: spaces may be part of it. */
export function secretText(label: string, max: number) {
  return z.preprocess(blankToUndefined, secretString(label, max));
}

/** The same on update: blank or absent keeps the stored one. */
export function optionalSecretText(label: string, max: number) {
  return z.preprocess(blankToUndefined, secretString(label, max).optional());
}

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const secretString = (label: string, max: number) =>
  z.string({ error: (i) => (isMissing(i.input) ? `${label} is required` : `${label} must be text`) }).max(max, `${label} must be at most ${max} characters`);

export function wholeNumber(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    (v) => {
      const b = blankToNull(v);
      return typeof b === "string" ? Number(b.trim()) : b;
    },
    z.number({ error: (i) => (isMissing(i.input) ? `${label} is required` : message) }).int(message).min(min, message).max(max, message),
  );
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  const message = `${label} must be ${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
  return z.preprocess(
    (v) => {
      const b = blankToNull(v);
      return typeof b === "string" ? b.trim().toLowerCase() : b;
    },
    z.enum(values, { error: (i) => (isMissing(i.input) ? `${label} is required` : message) }),
  );
}

/** A host name or an IP address (v4, or v6 in brackets or bare), no scheme, no port. */
export const hostName = requiredText("Host", 253).refine(
  (s) => /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/.test(s) || /^\[?[0-9A-Fa-f:.]+\]?$/.test(s) && s.includes(":"),
  "Enter a host name or IP address (no scheme, no port)",
);

export const baseUrl = requiredText("Base URL", 2048).refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname) && !u.search && !u.hash;
  } catch {
    return false;
  }
}, "Enter an absolute http(s) URL, such as https://api.twilio.com");

export const upstreamAccountSid = requiredText("Account SID", 34).refine((s) => /^AC[0-9a-fA-F]{32}$/.test(s), "Enter the upstream Account SID: AC followed by 32 hex digits");

export const bool = formBool;
