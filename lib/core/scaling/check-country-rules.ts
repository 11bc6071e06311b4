import type { RoutingPool } from "../route/pool";
import { COUNTRY_RULES, ruleApplies, type CountryRule, type RuleSource } from "./country-rules";
import { servingSenders } from "./serving-senders";

export interface RuleHit {
  ruleId: string;
  country: string;
  severity: CountryRule["severity"];
  message: string;
  source: RuleSource;
}

function broken(rule: CountryRule, pool: RoutingPool, country: string, areaCodeGeomatch: boolean): boolean {
  const serving = servingSenders(pool, { channel: "sms", country }, { areaCodeGeomatch });
  const types = new Set(serving.senders.map((s) => s.type));
  const check = rule.check;
  switch (check.kind) {
    case "a2p_sender_types":
      // No sender at all is another problem (short_code_domestic, or 21703 on send).
      return serving.senders.length > 0 && [...types].some((t) => !check.allowed.includes(t));
    case "single_number":
      return serving.senders.filter((s) => s.type === "long_code" || s.type === "toll_free").length > 1;
    case "short_code_reroute":
      return serving.tier === "short_code" && pool.numbers.all.all.length === 0;
    case "toll_free_non_local":
      return types.has("toll_free");
    case "short_code_domestic":
      return serving.senders.length === 0 && [...pool.shortCodeByCountry.keys()].some((c) => c !== country);
  }
}

/**
 * The country rules a pool breaks for the countries a service sends SMS to
 * (docs/scaling.md "Country rules"). A rule is judged on the senders that
 * would take the country's messages (servingSenders), so an alphanumeric
 * sender or short code that routing prefers clears the long-code rules.
 */
export function checkCountryRules(pool: RoutingPool, countries: readonly string[], opts: { areaCodeGeomatch: boolean }, rules: readonly CountryRule[] = COUNTRY_RULES): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const country of [...new Set(countries)].sort()) {
    for (const rule of rules) {
      if (!ruleApplies(rule, country) || !broken(rule, pool, country, opts.areaCodeGeomatch)) continue;
      hits.push({ ruleId: rule.id, country, severity: rule.severity, message: rule.message.replaceAll("{country}", country), source: rule.source });
    }
  }
  return hits.sort((a, b) => Number(a.severity !== "error") - Number(b.severity !== "error"));
}
