import areaCodes from "@/lib/core/data/nanp-area-codes.json";
import nanpTollFree from "@/lib/core/data/nanp-toll-free.json";

/** Countries the simulated inventory sells numbers in. */
export const INVENTORY_COUNTRIES = ["US", "CA", "GB", "AU", "DE", "FR", "ES", "MX", "BR", "IN"] as const;
export type InventoryCountry = (typeof INVENTORY_COUNTRIES)[number];

export const NUMBER_TYPES = ["local", "mobile", "toll_free"] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

export function isInventoryCountry(code: string): code is InventoryCountry {
  return (INVENTORY_COUNTRIES as readonly string[]).includes(code);
}

/** NANP toll-free NPAs (800, 833, ... 888): a +1 number in one of these is toll-free. */
export const NANP_TOLL_FREE: readonly string[] = nanpTollFree;

/** In-service geographic area codes of the US and Canada, in NANPA order. */
export const NANP_AREA_CODES: readonly { npa: string; country: "US" | "CA"; region: string }[] = areaCodes.areaCodes
  .filter((a) => a.country === "US" || a.country === "CA")
  .map((a) => ({ npa: a.npa, country: a.country as "US" | "CA", region: a.region }));

/**
 * Outside the NANP each (country, type) has one block of 100 numbers: the
 * prefix below plus two digits. Prefixes sit in ranges regulators reserve for
 * drama/examples where one exists (GB 020 7946 0xxx, 0808 157 0xxx; AU 02 5550
 * 0xxx; FR 01 99 00 xx xx); the unit test checks every number is valid and of
 * the right type per libphonenumber. Mobile blocks come from libphonenumber's
 * own example numbers.
 */
export const BLOCKS: Record<Exclude<InventoryCountry, "US" | "CA">, Record<NumberType, string>> = {
  GB: { local: "+4420794600", mobile: "+4474001234", toll_free: "+4480815700" },
  AU: { local: "+612555001", mobile: "+614123456", toll_free: "+6118001601" },
  DE: { local: "+49301234560", mobile: "+49151234567", toll_free: "+4980012345" },
  FR: { local: "+331990001", mobile: "+336123456", toll_free: "+338001234" },
  ES: { local: "+349112345", mobile: "+346123456", toll_free: "+349001234" },
  MX: { local: "+5255123456", mobile: "+5222212345", toll_free: "+5280012345" },
  BR: { local: "+5511312345", mobile: "+55119612345", toll_free: "+5580012345" },
  IN: { local: "+9111234567", mobile: "+9181234567", toll_free: "+91180012345" },
};
