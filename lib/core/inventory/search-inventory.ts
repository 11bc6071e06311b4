import { BLOCKS, NANP_AREA_CODES, NANP_TOLL_FREE, type InventoryCountry, type NumberType } from "./countries";

/**
 * The simulated number inventory: a pure, deterministic function of the query
 * (no randomness, no clock), so a search shows the same numbers every time
 * except those somebody already owns.
 */

export type Capability = "SMS" | "MMS" | "Voice";

export interface InventoryQuery {
  country: InventoryCountry;
  type: NumberType;
  /** NANP: a 3-digit NPA of the country. Elsewhere: a prefix of the national number. */
  areaCode?: string;
  capability?: Capability;
}

export interface AvailableNumber {
  phoneNumber: string; // E.164
  friendlyName: string;
  isoCountry: InventoryCountry;
  numberType: NumberType;
  /** NANP: state or province; elsewhere the country. */
  region: string;
  capabilities: { sms: boolean; mms: boolean; voice: boolean };
}

/**
 * Capabilities by the last digit, so every search mixes a few kinds: ...9 is
 * voice-only (cannot join a sender pool: 21715), ...7/...8 lack MMS. MMS
 * exists only in the NANP here.
 */
function capabilitiesOf(e164: string, nanp: boolean): AvailableNumber["capabilities"] {
  const last = Number(e164.at(-1));
  if (last === 9) return { sms: false, mms: false, voice: true };
  return { sms: true, mms: nanp && last !== 7 && last !== 8, voice: true };
}

function formatNanp(e164: string): string {
  return `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
}

/**
 * NANP numbers are NPA + 555-01xx, the block NANPA reserves for fiction.
 * Toll-free NPAs are shared by the US and Canada: Canadian toll-free numbers
 * use 555-02xx so the two inventories never overlap.
 */
function* nanpCandidates(q: InventoryQuery): Generator<AvailableNumber> {
  const npas =
    q.type === "toll_free"
      ? NANP_TOLL_FREE.map((npa) => ({ npa, region: q.country }))
      : NANP_AREA_CODES.filter((a) => a.country === q.country);
  for (const { npa, region } of npas) {
    if (q.areaCode && npa !== q.areaCode) continue;
    for (let i = 0; i < 100; i++) {
      const exchange = q.type === "toll_free" && q.country === "CA" ? "55502" : "55501";
      const phoneNumber = `+1${npa}${exchange}${String(i).padStart(2, "0")}`;
      yield {
        phoneNumber,
        friendlyName: formatNanp(phoneNumber),
        isoCountry: q.country,
        numberType: q.type,
        region,
        capabilities: capabilitiesOf(phoneNumber, true),
      };
    }
  }
}

function* blockCandidates(q: InventoryQuery & { country: keyof typeof BLOCKS }): Generator<AvailableNumber> {
  const prefix = BLOCKS[q.country][q.type];
  for (let i = 0; i < 100; i++) {
    const phoneNumber = prefix + String(i).padStart(2, "0");
    yield {
      phoneNumber,
      friendlyName: phoneNumber,
      isoCountry: q.country,
      numberType: q.type,
      region: q.country,
      capabilities: capabilitiesOf(phoneNumber, false),
    };
  }
}

function hasCapability(n: AvailableNumber, c: Capability | undefined): boolean {
  if (!c) return true;
  return c === "SMS" ? n.capabilities.sms : c === "MMS" ? n.capabilities.mms : n.capabilities.voice;
}

/** Every number the inventory holds for the query, in a stable order (lazily: the US has ~37,000). */
export function* inventoryCandidates(q: InventoryQuery): Generator<AvailableNumber> {
  const nanp = q.country === "US" || q.country === "CA";
  // The NANP has no separate mobile ranges (Twilio sells none there either).
  if (nanp && q.type === "mobile") return;
  const all = nanp ? nanpCandidates(q) : blockCandidates(q as InventoryQuery & { country: keyof typeof BLOCKS });
  for (const n of all) {
    if (!hasCapability(n, q.capability)) continue;
    // Outside the NANP the "area code" is a prefix of the national number; every
    // such country here has a 2-digit calling code (44, 61, 49, 33, 34, 52, 55, 91).
    if (!nanp && q.areaCode && !n.phoneNumber.slice(3).startsWith(q.areaCode)) continue;
    yield n;
  }
}

function first(it: Iterable<AvailableNumber>, e164: string): AvailableNumber | null {
  for (const n of it) if (n.phoneNumber === e164) return n;
  return null;
}

/** Up to `limit` numbers for the query that nobody owns yet. */
export function searchInventory(q: InventoryQuery, owned: ReadonlySet<string>, limit = 20): AvailableNumber[] {
  const out: AvailableNumber[] = [];
  for (const n of inventoryCandidates(q)) {
    if (out.length >= limit) break;
    if (!owned.has(n.phoneNumber)) out.push(n);
  }
  return out;
}

/**
 * The inventory entry for an E.164 number, when it is one of ours: buying
 * re-derives type and capabilities here instead of trusting the form.
 */
export function lookupInventoryNumber(e164: string): AvailableNumber | null {
  const m = /^\+1(\d{3})5550([12])\d{2}$/.exec(e164);
  if (m) {
    const npa = m[1] as string;
    if (NANP_TOLL_FREE.includes(npa)) {
      return first(inventoryCandidates({ country: m[2] === "2" ? "CA" : "US", type: "toll_free", areaCode: npa }), e164);
    }
    const area = NANP_AREA_CODES.find((a) => a.npa === npa);
    if (!area) return null;
    return first(inventoryCandidates({ country: area.country, type: "local", areaCode: npa }), e164);
  }
  for (const [country, blocks] of Object.entries(BLOCKS) as [keyof typeof BLOCKS, Record<NumberType, string>][]) {
    for (const [type, prefix] of Object.entries(blocks) as [NumberType, string][]) {
      if (e164.length === prefix.length + 2 && e164.startsWith(prefix) && /^\d{2}$/.test(e164.slice(prefix.length))) {
        return first(inventoryCandidates({ country, type }), e164);
      }
    }
  }
  return null;
}
