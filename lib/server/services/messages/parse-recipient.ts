import { checkE164 } from "@/lib/core/senders/phone-number";

export type Channel = "sms" | "whatsapp" | "rcs";

export interface Recipient {
  address: string;
  channel: Channel;
  /** E.164 part of the address. */
  phoneNumber: string;
  isoCountry: string;
}

/**
 * `+E164`, `whatsapp:+E164` or `rcs:+E164` -> normalized recipient, or null
 * (the caller answers 21211). Until lib/core's address parser lands, the
 * E.164 check is lib/core's phone-number rule.
 */
export function parseRecipient(input: string): Recipient | null {
  const raw = input.trim();
  const m = /^(whatsapp|rcs):(.*)$/i.exec(raw);
  const channel: Channel = m ? (m[1]!.toLowerCase() as Channel) : "sms";
  const number = checkE164(m ? m[2]! : raw);
  if (!number.ok) return null;
  const address = channel === "sms" ? number.phoneNumber : `${channel}:${number.phoneNumber}`;
  return { address, channel, phoneNumber: number.phoneNumber, isoCountry: number.isoCountry };
}

/** Shapes a From may have; a well-formed From the account does not own is 21606, a malformed one 21212. */
export function looksLikeSenderAddress(from: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(from) || /^\d{3,8}$/.test(from) || /^(whatsapp|rcs|messenger):\S+$/i.test(from) || /^(?=.*[A-Za-z])[A-Za-z0-9 +\-_&]{1,11}$/.test(from);
}
