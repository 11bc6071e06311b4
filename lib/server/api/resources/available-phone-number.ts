import type { AvailableNumber, Capability } from "@/lib/core/inventory/search-inventory";
import { isInventoryCountry, type NumberType } from "@/lib/core/inventory/countries";
import { AppError, notFound } from "@/lib/server/errors";
import { formBool } from "@/lib/server/validation/fields";
import { searchAvailableNumbers } from "@/lib/server/services/phone-numbers/search-available-numbers";
import { PHONE_NUMBER_FIELD_ERROR_CODES, searchAvailableNumbersSchema } from "@/lib/server/services/phone-numbers/phone-number-schema";
import { parseParams, type Params } from "../params";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Keypad letters, so Contains=STORE* matches +1415786…, as on Twilio. */
const KEYPAD: Record<string, string> = Object.fromEntries(
  ["abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"].flatMap((letters, i) => [...letters].map((l) => [l, String(i + 2)])),
);

/** Contains: digits, letters (keypad) and `*` (any one digit), matched anywhere in the number. */
function containsMatcher(raw: string | undefined): ((e164: string) => boolean) | undefined {
  const pattern = raw?.trim();
  if (!pattern) return undefined;
  if (!/^[0-9a-zA-Z*]+$/.test(pattern)) throw new AppError(20001, "Invalid parameter Contains: use digits, letters and *", 400);
  const re = new RegExp([...pattern.toLowerCase()].map((c) => (c === "*" ? "\\d" : (KEYPAD[c] ?? c))).join(""));
  return (e164) => re.test(e164.slice(1));
}

export interface AvailableSearch {
  country: string;
  type: NumberType;
  areaCode?: string;
  /** Handed to the service's search (it filters on one capability). */
  capability?: Capability;
  /** What the service cannot express: the other capability flags (true or false) and Contains. */
  keep?: (n: AvailableNumber) => boolean;
}

const CAPS = [
  ["SmsEnabled", "SMS", "sms"],
  ["MmsEnabled", "MMS", "mms"],
  ["VoiceEnabled", "Voice", "voice"],
] as const;

/** AvailablePhoneNumbers/{Country}/{Type}.json query -> one service search plus a residual filter. */
export function readAvailableSearch(country: string, type: NumberType, q: Params): AvailableSearch {
  const iso = country.toUpperCase();
  // An unknown country is an unknown path on Twilio.
  if (!isInventoryCountry(iso)) throw notFound(`The requested resource /AvailablePhoneNumbers/${country} was not found`);
  const flags = CAPS.map(([wire, cap, key]) => {
    const raw = one(q[wire]);
    if (raw === undefined) return { cap, key, want: undefined };
    const r = formBool.safeParse(raw);
    if (!r.success) throw new AppError(20001, `Invalid parameter ${wire}: must be true or false`, 400);
    return { cap, key, want: r.data };
  });
  const capability = flags.find((f) => f.want === true)?.cap;
  const contains = containsMatcher(one(q.Contains));
  const rest = flags.filter((f) => f.want !== undefined && f.cap !== capability);
  const keep =
    rest.length || contains ? (n: AvailableNumber) => rest.every((f) => n.capabilities[f.key] === f.want) && (!contains || contains(n.phoneNumber)) : undefined;
  return { country: iso, type, areaCode: one(q.AreaCode), capability, keep };
}

/** Twilio's available-number shape; capabilities keys are upper-case SMS/MMS here (lower-case on IncomingPhoneNumbers). */
export function availablePhoneNumberResource(n: AvailableNumber) {
  const nanpLocal = (n.isoCountry === "US" || n.isoCountry === "CA") && n.numberType === "local";
  return {
    friendly_name: n.friendlyName,
    phone_number: n.phoneNumber,
    lata: null,
    locality: null,
    rate_center: null,
    latitude: null,
    longitude: null,
    // NANP local numbers carry their state/province; toll-free and other countries have none on Twilio either.
    region: nanpLocal ? n.region : null,
    postal_code: null,
    iso_country: n.isoCountry,
    address_requirements: "none",
    beta: false,
    capabilities: { voice: n.capabilities.voice, SMS: n.capabilities.sms, MMS: n.capabilities.mms, fax: false },
  };
}

/**
 * How many unowned numbers to pull before the residual filter: the service
 * stops scanning after 5000 candidates anyway, so this only bounds memory.
 */
const FILTERED_SCAN = 1000;

/** One service search, then what it cannot filter, cut to the page size. */
export async function findAvailableNumbers(accountSid: string, s: AvailableSearch, pageSize: number): Promise<AvailableNumber[]> {
  const input = parseParams(
    searchAvailableNumbersSchema,
    { country: s.country, type: s.type, areaCode: s.areaCode, capability: s.capability },
    { AreaCode: "areaCode" },
    PHONE_NUMBER_FIELD_ERROR_CODES,
  );
  const found = await searchAvailableNumbers(accountSid, { ...input, limit: s.keep ? FILTERED_SCAN : pageSize });
  return (s.keep ? found.filter(s.keep) : found).slice(0, pageSize);
}
