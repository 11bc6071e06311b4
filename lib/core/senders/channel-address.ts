import { checkE164 } from "./phone-number";

export type ChannelAddress =
  | { ok: true; senderType: "WhatsApp"; sender: string; countryCode: string }
  | { ok: true; senderType: "RCS"; sender: string; countryCode: "" }
  | { ok: false; reason: string };

/** RCS agent IDs as Twilio shows them (lower-case letters, digits, _ and -). */
const RCS_AGENT = /^[a-z0-9][a-z0-9_-]{0,99}$/;

/** Parses `whatsapp:+E164` or `rcs:agent_id`; WhatsApp senders take their country from the number. */
export function parseChannelAddress(input: string): ChannelAddress {
  const s = input.trim();
  if (s.toLowerCase().startsWith("whatsapp:")) {
    const n = checkE164(s.slice("whatsapp:".length));
    if (!n.ok) return { ok: false, reason: n.reason };
    return { ok: true, senderType: "WhatsApp", sender: `whatsapp:${n.phoneNumber}`, countryCode: n.isoCountry };
  }
  if (s.toLowerCase().startsWith("rcs:")) {
    const agent = s.slice("rcs:".length);
    if (!RCS_AGENT.test(agent)) return { ok: false, reason: "RCS agent ID: lower-case letters, digits, _ and -, up to 100 characters" };
    return { ok: true, senderType: "RCS", sender: `rcs:${agent}`, countryCode: "" };
  }
  return { ok: false, reason: "Enter whatsapp:+E164 or rcs:agent_id" };
}
