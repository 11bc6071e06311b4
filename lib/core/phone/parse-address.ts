import { parsePhoneNumberFromString } from "libphonenumber-js";
import { twilioError, type TwilioError } from "../errors";
import { isTollFreeNpa, npaCountry } from "./nanp";

export type Channel = "sms" | "whatsapp" | "rcs";

/** A recipient address, parsed once and reused by every routing rule. */
export interface ParsedAddress {
  channel: Channel;
  /** The address as given, e.g. "whatsapp:+14155551234". */
  raw: string;
  /** E.164 without the channel prefix. */
  e164: string;
  /** ISO 3166-1 alpha-2 country of the number. */
  country: string;
  /** Area code, for +1 numbers only. */
  npa?: string;
  isUS: boolean;
  isCanada: boolean;
  /** +1 toll-free number (800, 833, ...). */
  isTollFree: boolean;
}

export type ParseAddressResult = { ok: true; address: ParsedAddress } | { ok: false; error: TwilioError };

const CHANNEL_PREFIXES: ReadonlyArray<[string, Channel]> = [
  ["whatsapp:", "whatsapp"],
  ["rcs:", "rcs"],
];

/**
 * Parses a `To` address: `+E164`, `whatsapp:+E164` or `rcs:+E164`. Anything
 * libphonenumber-js does not consider a valid number gives 21211. A leading
 * "+" is required: Switchyard does not guess a default country.
 */
export function parseAddress(to: string): ParseAddressResult {
  const trimmed = to.trim();
  let channel: Channel = "sms";
  let number = trimmed;
  for (const [prefix, ch] of CHANNEL_PREFIXES) {
    if (trimmed.toLowerCase().startsWith(prefix)) {
      channel = ch;
      number = trimmed.slice(prefix.length);
      break;
    }
  }
  const invalid = (): ParseAddressResult => ({
    ok: false,
    error: twilioError(21211, `Invalid 'To' Phone Number: ${to}`),
  });
  if (!number.startsWith("+")) return invalid();
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed || !parsed.isValid()) return invalid();
  const e164 = parsed.number;
  let country: string | undefined = parsed.country;
  let npa: string | undefined;
  if (parsed.countryCallingCode === "1") {
    npa = parsed.nationalNumber.slice(0, 3);
    // Toll-free numbers have no country in the metadata; they are reachable in
    // both the US and Canada, and US is what Twilio reports for them.
    country = country ?? npaCountry(npa) ?? "US";
  }
  if (!country) return invalid();
  return {
    ok: true,
    address: {
      channel,
      raw: trimmed,
      e164,
      country,
      npa,
      isUS: country === "US",
      isCanada: country === "CA",
      isTollFree: npa !== undefined && isTollFreeNpa(npa),
    },
  };
}

/** Country (and NPA) of a sender's phone number, for senders given without `country`. */
export function phoneNumberFacts(e164: string): { country?: string; npa?: string } {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return {};
  if (parsed.countryCallingCode === "1") {
    const npa = parsed.nationalNumber.slice(0, 3);
    return { country: parsed.country ?? npaCountry(npa) ?? "US", npa };
  }
  return { country: parsed.country };
}
