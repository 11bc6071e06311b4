import data from "../data/alpha-sender-countries.json";

export type PreRegistration = "none" | "recommended" | "required";

/** Whether an alphanumeric sender may be used towards a destination country. */
export interface AlphaEligibility {
  eligible: boolean;
  /** Only meaningful when eligible; drives the Sender ID pre-registration alert. */
  preRegistration: PreRegistration;
}

interface Row {
  country: string;
  alphaSupported: boolean | null;
  preRegistration: string | null;
}

const byCountry = new Map<string, AlphaEligibility>();
for (const row of data.countries as Row[]) {
  // Unknown support (null) is treated as unsupported: sending an alpha ID where
  // nobody documents support risks silent carrier filtering.
  const eligible = row.alphaSupported === true;
  const pre = row.preRegistration === "required" || row.preRegistration === "recommended" ? row.preRegistration : "none";
  byCountry.set(row.country, { eligible, preRegistration: eligible ? pre : "none" });
}

const NOT_ELIGIBLE: AlphaEligibility = { eligible: false, preRegistration: "none" };

/** Alpha sender eligibility for an ISO country, from data/alpha-sender-countries.json. */
export function alphaEligibility(country: string): AlphaEligibility {
  return byCountry.get(country) ?? NOT_ELIGIBLE;
}
