import data from "@/lib/core/data/alpha-sender-countries.json";

/** What the data says about alphanumeric senders towards one destination country. */
export interface AlphaCountrySupport {
  /** null: no source covers the country. */
  alphaSupported: boolean | null;
  preRegistration: "none" | "recommended" | "required" | null;
}

const byCountry = new Map<string, AlphaCountrySupport>(
  data.countries.map((c) => [c.country, { alphaSupported: c.alphaSupported, preRegistration: c.preRegistration as AlphaCountrySupport["preRegistration"] }]),
);

/** ISO 3166-1 alpha-2 codes (plus XK), as listed in the alpha sender data set. */
export function isIsoCountry(code: string): boolean {
  return byCountry.has(code);
}

export function alphaSupportFor(code: string): AlphaCountrySupport | null {
  return byCountry.get(code) ?? null;
}

/**
 * Warnings (never refusals: docs/product.md "Sender-type tiers" says pre-registration only
 * warns) for an alpha sender dedicated to `code`.
 */
export function alphaCountryWarnings(code: string): string[] {
  const s = byCountry.get(code);
  if (!s) return [];
  if (s.alphaSupported === false) return [`${code} does not support alphanumeric sender IDs: messages there will use a number instead.`];
  if (s.alphaSupported === null) return [`Alphanumeric sender ID support in ${code} is unknown.`];
  if (s.preRegistration === "required") return [`${code} requires the sender ID to be pre-registered before carriers deliver it.`];
  if (s.preRegistration === "recommended") return [`Pre-registering the sender ID is recommended in ${code}.`];
  return [];
}

/** Every known ISO code, sorted (for country pickers). */
export function isoCountryCodes(): string[] {
  return [...byCountry.keys()].sort();
}
