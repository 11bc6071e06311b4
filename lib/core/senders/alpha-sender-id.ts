/**
 * Alphanumeric sender ID rules (docs/wire-contract.md "Messaging Service resource", error 21709): 1-11
 * characters from A-Z a-z 0-9 space - + _ &, with at least one letter (so
 * "all digits" and "only symbols" are both refused: a handset would show
 * those as a number or nothing readable).
 */
export type AlphaSenderIdCheck = { ok: true; value: string } | { ok: false; reason: string };

export const ALPHA_SENDER_MAX_LENGTH = 11;
const ALLOWED = /^[A-Za-z0-9 \-+_&]+$/;

export function checkAlphaSenderId(input: string): AlphaSenderIdCheck {
  // Leading/trailing spaces are never intended and handsets drop them.
  const value = input.trim();
  if (value.length === 0) return { ok: false, reason: "Alpha sender ID is required" };
  if (value.length > ALPHA_SENDER_MAX_LENGTH) return { ok: false, reason: "Alpha sender ID must be at most 11 characters" };
  if (!ALLOWED.test(value)) return { ok: false, reason: "Alpha sender ID may only use letters, digits, spaces and - + _ &" };
  if (/^\d+$/.test(value)) return { ok: false, reason: "Alpha sender ID cannot be all digits" };
  if (!/[A-Za-z]/.test(value)) return { ok: false, reason: "Alpha sender ID must contain at least one letter" };
  return { ok: true, value };
}
