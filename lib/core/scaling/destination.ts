import { AsYouType } from "libphonenumber-js";
import metadata from "libphonenumber-js/metadata.min.json";
import type { Channel } from "../phone/parse-address";
import { npaCountry } from "../phone/nanp";

/**
 * Digits after the "+" that the queries keep of a recipient (`left(to, …)`):
 * four is "1" + the area code for NANP numbers and calling code + first
 * national digits elsewhere, enough for the country (and, in NANP, the area
 * code that Area Code Geomatch routes by) while keeping few distinct groups.
 */
export const DESTINATION_PREFIX_DIGITS = 4;

/** Where a group of recipients is: channel, country and (NANP) area code. */
export interface Destination {
  channel: Channel;
  country: string;
  /** NANP area code, for +1 numbers. */
  npa?: string;
}

const CHANNELS: ReadonlyArray<[string, Channel]> = [
  ["whatsapp:", "whatsapp"],
  ["rcs:", "rcs"],
];

const callingCodes = (metadata as { country_calling_codes: Record<string, string[]> }).country_calling_codes;

/** The main country of a calling code (libphonenumber lists it first), when the prefix alone does not tell. */
function mainCountry(digits: string): string | undefined {
  for (let n = 1; n <= 3; n++) {
    const first = callingCodes[digits.slice(0, n)]?.[0];
    if (first) return first;
  }
  return undefined;
}

/**
 * The destination of a recipient prefix as the queries return it
 * (`whatsapp:+1415`, `+3361`). Undefined for what is not a phone number.
 */
export function destinationOfPrefix(prefix: string): Destination | undefined {
  let channel: Channel = "sms";
  let rest = prefix.trim();
  for (const [p, ch] of CHANNELS) {
    if (rest.toLowerCase().startsWith(p)) {
      channel = ch;
      rest = rest.slice(p.length);
      break;
    }
  }
  if (!/^\+\d+$/.test(rest)) return undefined;
  const digits = rest.slice(1);
  if (digits.startsWith("1")) {
    const npa = digits.slice(1, 4);
    if (npa.length < 3) return { channel, country: "US" };
    // Toll-free and unknown area codes count as US, as routing counts them (lib/core/phone/parse-address.ts).
    return { channel, country: npaCountry(npa) ?? "US", npa };
  }
  const typed = new AsYouType();
  typed.input(rest);
  const country = typed.getCountry() ?? mainCountry(digits);
  return country ? { channel, country } : undefined;
}

/** A stable key for a destination (map keys, React keys). */
export function destinationKey(d: Destination): string {
  return `${d.channel}:${d.country}${d.npa ? `:${d.npa}` : ""}`;
}
