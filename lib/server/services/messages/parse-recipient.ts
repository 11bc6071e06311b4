import { parseAddress, type Channel } from "@/lib/core/phone/parse-address";

export type { Channel };

export interface Recipient {
  /** Canonical address as stored in `to`: +E164, whatsapp:+E164 or rcs:+E164. */
  address: string;
  channel: Channel;
  /** E.164 part of the address (sticky mappings and opt-outs key on it). */
  phoneNumber: string;
  isoCountry: string;
}

/**
 * Normalizes user input (trim, lower-case channel prefix), then lib/core's
 * address parser decides; null means 21211.
 */
export function parseRecipient(input: string): Recipient | null {
  const raw = input.trim().replace(/^(whatsapp|rcs):/i, (p) => p.toLowerCase());
  const parsed = parseAddress(raw);
  if (!parsed.ok) return null;
  const a = parsed.address;
  const address = a.channel === "sms" ? a.e164 : `${a.channel}:${a.e164}`;
  return { address, channel: a.channel, phoneNumber: a.e164, isoCountry: a.country };
}

/** Shapes a From may have; a well-formed From the account does not own is 21606, a malformed one 21212. */
export function looksLikeSenderAddress(from: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(from) || /^\d{3,8}$/.test(from) || /^(whatsapp|rcs|messenger):\S+$/i.test(from) || /^(?=.*[A-Za-z])[A-Za-z0-9 +\-_&]{1,11}$/.test(from);
}
