import type { SenderType } from "../senders/sender-type";

const E164 = /^\+[1-9]\d{6,14}$/;
const SHORT_CODE = /^\d{3,8}$/;
// Alphanumeric sender IDs: 1-11 characters, at least one letter.
const ALPHA = /^(?=.*[A-Za-z])[A-Za-z0-9 \-+_&.]{1,11}$/;

/** Sender type implied by an address, or undefined when it is not a sender address (21212). */
export function inferSenderType(address: string): SenderType | undefined {
  const lower = address.toLowerCase();
  if (lower.startsWith("whatsapp:")) return E164.test(address.slice(9)) ? "whatsapp" : undefined;
  if (lower.startsWith("rcs:")) return address.length > 4 ? "rcs" : undefined;
  if (E164.test(address)) return "long_code";
  if (SHORT_CODE.test(address)) return "short_code";
  if (ALPHA.test(address)) return "alpha";
  return undefined;
}
