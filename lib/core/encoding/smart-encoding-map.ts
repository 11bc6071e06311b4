import rawMap from "../data/smart-encoding-map.json";

/**
 * Smart Encoding replacements keyed by BMP code point.
 *
 * `data/smart-encoding-map.json` was built from sms-segments-calculator 1.2.0.
 * The installed reference (1.3.0), which docs/product.md "Content" says to match exactly,
 * differs in three entries; they are corrected here rather than by editing the
 * shared data file, so the difference stays visible:
 * - U+2039 ‹ becomes "<" and U+203A › becomes ">" (1.2.0 had them swapped);
 * - U+200C ZERO WIDTH NON-JOINER is deleted, like U+200B and U+2060.
 */
const REFERENCE_1_3_0_CORRECTIONS: Readonly<Record<string, string>> = {
  "U+2039": "<",
  "U+203A": ">",
  "U+200C": "",
};

function buildMap(): ReadonlyMap<number, string> {
  const map = new Map<number, string>();
  const entries = { ...(rawMap as Record<string, string>), ...REFERENCE_1_3_0_CORRECTIONS };
  for (const [key, replacement] of Object.entries(entries)) {
    const cp = Number.parseInt(key.slice(2), 16);
    // Only BMP keys exist; astral code points would need surrogate handling.
    if (!Number.isInteger(cp) || cp > 0xffff) throw new Error(`bad smart-encoding key ${key}`);
    map.set(cp, replacement);
  }
  return map;
}

/** Code point (BMP) → GSM-7 replacement ("" means the character is deleted). */
export const SMART_ENCODING_MAP: ReadonlyMap<number, string> = buildMap();
