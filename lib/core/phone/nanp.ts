import nanp from "../data/nanp-area-codes.json";
import tollFree from "../data/nanp-toll-free.json";

/*
 * NANP facts for Area Code Geomatch. `overlayComplex` (not the transitive
 * `overlayGroup`) decides overlays, as docs/product.md "Area Code Geomatch" says: 212 overlays
 * 332/646/917 but not 718, even though NANPA's closure links them.
 */

interface NpaRow {
  npa: string;
  country: string;
  overlayComplex: string[];
}

const rows: NpaRow[] = [...(nanp.areaCodes as NpaRow[]), ...(nanp.otherNanpGeographic as NpaRow[])];
const overlayByNpa = new Map<string, readonly string[]>();
const countryByNpa = new Map<string, string>();
for (const row of rows) {
  overlayByNpa.set(row.npa, row.overlayComplex.filter((n) => n !== row.npa));
  countryByNpa.set(row.npa, row.country);
}
const tollFreeNpas: ReadonlySet<string> = new Set(tollFree as string[]);

/** NPAs that overlay `npa` (itself excluded); empty when none or unknown. */
export function overlayNpas(npa: string): readonly string[] {
  return overlayByNpa.get(npa) ?? [];
}

/** ISO country of a geographic NANP area code (US, CA, PR, JM, ...), if in service. */
export function npaCountry(npa: string): string | undefined {
  return countryByNpa.get(npa);
}

export function isTollFreeNpa(npa: string): boolean {
  return tollFreeNpas.has(npa);
}
