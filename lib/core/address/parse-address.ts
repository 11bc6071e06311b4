import nanp from "@/lib/core/data/nanp-area-codes.json";
import nanpTollFree from "@/lib/core/data/nanp-toll-free.json";
import { twilioError, type TwilioError } from "@/lib/core/errors";
import { checkE164 } from "@/lib/core/senders/phone-number";

/** The channel an address selects (SPEC 2.2): plain E.164 is SMS/MMS. */
export type AddressChannel = "sms" | "whatsapp" | "rcs";

export interface ParsedAddress {
  channel: AddressChannel;
  /** The E.164 number inside the address. */
  e164: string;
  /** ISO 3166-1 alpha-2 country of the number. */
  country: string;
  /** +1 numbers only: the area code. */
  npa?: string;
  /** +1 numbers only: a NANP toll-free NPA (800, 833, ...). */
  isTollFree?: boolean;
}

export type ParseAddressResult = { ok: true; address: ParsedAddress } | { ok: false; error: TwilioError };

interface NpaInfo {
  country: string;
  overlayComplex: readonly string[];
  /** US or Canada proper (Area Code Geomatch applies); not territories or other NANP members. */
  domestic: boolean;
}

const NPA = new Map<string, NpaInfo>();
for (const a of nanp.areaCodes) NPA.set(a.npa, { country: a.country, overlayComplex: a.overlayComplex, domestic: true });
for (const a of nanp.otherNanpGeographic) NPA.set(a.npa, { country: a.country, overlayComplex: a.overlayComplex, domestic: false });
const TOLL_FREE = new Set<string>(nanpTollFree);

/** What the NANP data says about an area code (null: not a geographic NPA in service). */
export function npaInfo(npa: string): NpaInfo | null {
  return NPA.get(npa) ?? null;
}

/** NPAs that overlay `npa` (its overlayComplex, itself included); [] when unknown. */
export function overlayComplexOf(npa: string): readonly string[] {
  return NPA.get(npa)?.overlayComplex ?? [];
}

export function isTollFreeNpa(npa: string): boolean {
  return TOLL_FREE.has(npa);
}

/**
 * +1 numbers parsed by hand (libphonenumber is ~100x slower and routing sees
 * every message): +1, NPA [2-9]XX, exchange [2-9]XX, 4 digits, and an NPA the
 * NANP data knows. Returns undefined when the data does not decide, so the
 * caller falls back to libphonenumber (e.g. an NPA that went live after the
 * data snapshot).
 */
function parseNanp(n: string): ParsedAddress | null | undefined {
  if (n.length !== 12) return null;
  for (let i = 2; i < 12; i++) {
    const c = n.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  if (n.charCodeAt(2) < 50 || n.charCodeAt(5) < 50) return null;
  const npa = n.slice(2, 5);
  if (TOLL_FREE.has(npa)) return { channel: "sms", e164: n, country: "US", npa, isTollFree: true };
  const info = NPA.get(npa);
  if (!info) return undefined;
  return { channel: "sms", e164: n, country: info.country, npa, isTollFree: false };
}

/** Memo of libphonenumber answers (non-NANP numbers), bounded: cleared when full. */
const MEMO_LIMIT = 100_000;
const memo = new Map<string, ParsedAddress | null>();

function parseSlow(n: string): ParsedAddress | null {
  const hit = memo.get(n);
  if (hit !== undefined) return hit;
  const r = checkE164(n);
  let out: ParsedAddress | null = null;
  if (r.ok && r.phoneNumber === n) {
    out = { channel: "sms", e164: r.phoneNumber, country: r.isoCountry };
    if (n.startsWith("+1")) {
      out.npa = n.slice(2, 5);
      out.isTollFree = r.numberType === "toll_free";
    }
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(n, out);
  return out;
}

/** A bare E.164 number -> country (and NPA for +1), or null when invalid. */
export function parseE164(n: string): ParsedAddress | null {
  if (n.length < 8 || n.length > 16 || n.charCodeAt(0) !== 43 /* + */) return null;
  if (n.charCodeAt(1) === 49 /* 1 */) {
    const fast = parseNanp(n);
    if (fast !== undefined) return fast;
  }
  return parseSlow(n);
}

/**
 * Parses a `To` (or a number `From`): `+E164` (SMS/MMS), `whatsapp:+E164`,
 * `rcs:+E164`. Anything else, including `rcs:agent_id` (an agent is a
 * sender, never a recipient), is 21211. No trimming or reformatting: the API
 * layer normalises user input; routing sees canonical strings only.
 */
export function parseAddress(input: string): ParseAddressResult {
  let channel: AddressChannel = "sms";
  let number = input;
  if (input.startsWith("whatsapp:")) {
    channel = "whatsapp";
    number = input.slice(9);
  } else if (input.startsWith("rcs:")) {
    channel = "rcs";
    number = input.slice(4);
  }
  const parsed = parseE164(number);
  if (!parsed) return { ok: false, error: twilioError(21211) };
  return { ok: true, address: channel === "sms" ? parsed : { ...parsed, channel } };
}
