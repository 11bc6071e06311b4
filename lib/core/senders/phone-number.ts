import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import nanpTollFree from "@/lib/core/data/nanp-toll-free.json";

export type PhoneNumberKind = "local" | "mobile" | "toll_free";

export type PhoneNumberCheck =
  | { ok: true; phoneNumber: string; isoCountry: string; numberType: PhoneNumberKind }
  | { ok: false; reason: string };

/**
 * Validates an E.164 number (libphonenumber-js, full metadata) and derives
 * its country and kind. +1 numbers are toll-free by NPA (the NANP list), not
 * by libphonenumber's type, so the rule matches routing exactly.
 */
export function checkE164(input: string): PhoneNumberCheck {
  // People type numbers the way they are written ("+1 (415) 555-2671"); the punctuation carries nothing.
  const raw = input.trim().replace(/[\s().-]/g, "");
  if (!/^\+[1-9]\d{6,14}$/.test(raw)) return { ok: false, reason: "Enter the number in E.164 format, e.g. +14155550100" };
  const parsed = parsePhoneNumberFromString(raw);
  if (!parsed || !parsed.isValid() || !parsed.country) return { ok: false, reason: `${raw} is not a valid phone number` };
  const e164 = parsed.number;
  let numberType: PhoneNumberKind = "local";
  if (parsed.countryCallingCode === "1") {
    if (nanpTollFree.includes(e164.slice(2, 5))) numberType = "toll_free";
  } else {
    const t = parsed.getType();
    if (t === "TOLL_FREE") numberType = "toll_free";
    else if (t === "MOBILE") numberType = "mobile";
  }
  return { ok: true, phoneNumber: e164, isoCountry: parsed.country, numberType };
}
