import "server-only";
import type { AvailableNumber } from "@/lib/core/inventory/search-inventory";
import { searchAvailableNumbersSchema } from "./phone-number-schema";
import { searchAvailableNumbers } from "./search-available-numbers";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export interface NumberSearch {
  /** What the search form shows (the query, or the defaults). */
  values: { country: string; type: string; areaCode: string; capability: string };
  errors: Record<string, string[]>;
  /** null until a search is submitted (`search=1`) and valid. */
  results: AvailableNumber[] | null;
}

/**
 * The inventory search a page's URL asks for (the GET search form of Phone
 * Numbers and of the guided setup's senders step): validated with the API's
 * schema, its errors by field.
 */
export async function searchFromParams(accountSid: string, sp: Params): Promise<NumberSearch> {
  const values = { country: one(sp.country) || "US", type: one(sp.type) || "local", areaCode: one(sp.areaCode), capability: one(sp.capability) };
  const searched = one(sp.search) === "1";
  const parsed = searchAvailableNumbersSchema.safeParse(values);
  const errors: Record<string, string[]> = {};
  if (searched && !parsed.success) for (const i of parsed.error.issues) (errors[String(i.path[0])] ??= []).push(i.message);
  const results = searched && parsed.success ? await searchAvailableNumbers(accountSid, parsed.data) : null;
  return { values, errors, results };
}
