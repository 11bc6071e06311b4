import type { SenderType } from "../senders/sender-type";

/**
 * Country rules of the seed scaling guide ("Scaling your messaging
 * application"), as data: each carries the passage it comes from, quoted.
 * lib/core/scaling/check-country-rules.ts evaluates them against a pool and
 * the countries a service sends to; docs/scaling.md "Country rules" lists them.
 */
export interface RuleSource {
  guide: string;
  passage: string;
}

export type RuleCheck =
  /** Traffic to the country must leave from one of these sender types. */
  | { kind: "a2p_sender_types"; allowed: readonly SenderType[] }
  /** More than one long code or toll-free number serves the country. */
  | { kind: "single_number" }
  /** A short code serves the country and the pool has no long code or toll-free number to reroute to. */
  | { kind: "short_code_reroute" }
  /** A toll-free number serves the country. */
  | { kind: "toll_free_non_local" }
  /** No sender can take the country while the pool holds another country's short code. */
  | { kind: "short_code_domestic" };

export interface CountryRule {
  id: string;
  /** ISO countries the rule is about; "*" with `except`: every other country. */
  countries: readonly string[] | "*";
  except?: readonly string[];
  severity: "error" | "warning";
  check: RuleCheck;
  /** Shown to the user; `{country}` is replaced by the country's code. */
  message: string;
  source: RuleSource;
}

const GUIDE = "Scaling your messaging application (seed guide)";

export const COUNTRY_RULES: readonly CountryRule[] = [
  {
    id: "fr-a2p-alpha-or-short-code",
    countries: ["FR"],
    severity: "error",
    check: { kind: "a2p_sender_types", allowed: ["alpha", "short_code"] },
    message:
      "France allows local long codes only for person-to-person traffic: this service's French traffic leaves from phone numbers. Add an alphanumeric sender ID (for France or service-wide) or a French short code.",
    source: {
      guide: GUIDE,
      passage:
        "France prohibits the use of local long code numbers for anything except for pure person-to-person (P2P) conversation traffic, so most organizations will need to use an Alphanumeric Sender ID or a short code to send messages to France.",
    },
  },
  {
    id: "ca-no-a2p-on-long-codes",
    countries: ["CA"],
    severity: "error",
    check: { kind: "a2p_sender_types", allowed: ["short_code", "toll_free"] },
    message:
      "Canadian carriers forbid application-to-person traffic on long codes: this service's Canadian traffic leaves from long codes. Add a toll-free number or a Canadian short code.",
    source: {
      guide: GUIDE,
      passage:
        "For Canada, short codes (offering 100+ MPS) and TF are the only permitted ways to send A2P traffic. Using long codes to send A2P messaging traffic will result in increased carrier filtering.",
    },
  },
  {
    id: "us-ca-no-number-spreading",
    countries: ["US", "CA"],
    severity: "warning",
    check: { kind: "single_number" },
    message:
      "Several long code or toll-free numbers share this service's {country} traffic. Spreading traffic over numbers to gain throughput is strongly discouraged and leads to carrier filtering: use a short code or one high-throughput toll-free number.",
    source: {
      guide: GUIDE,
      passage:
        "Using multiple long code or Toll-Free numbers to increase your message throughput to the US or Canada is strongly discouraged as it will result in carrier filtering.",
    },
  },
  {
    id: "us-ca-short-code-reroute",
    countries: ["US", "CA"],
    severity: "warning",
    check: { kind: "short_code_reroute" },
    message:
      "This service's {country} traffic leaves from a short code, and the pool has no long code or toll-free number: recipients on smaller carriers that do not take short codes cannot be reached. Add a few long codes.",
    source: {
      guide: GUIDE,
      passage:
        "Please note that in the US and Canada, some smaller mobile carriers may not support short code messages. To achieve the highest levels of deliverability, you should add a few long codes to your messaging service.",
    },
  },
  {
    id: "toll-free-outside-us-ca",
    countries: "*",
    except: ["US", "CA"],
    severity: "warning",
    check: { kind: "toll_free_non_local" },
    message:
      "This service's {country} traffic can leave from toll-free numbers. Only US and Canadian toll-free numbers can send A2P SMS, and only there: carriers in {country} treat them as any foreign long code.",
    source: {
      guide: GUIDE,
      passage:
        "Please note that only US/Canadian Toll-Free numbers can send A2P SMS. When sending messages to non-US countries, carriers treat US Toll-Free numbers just like any other non-local long code phone number.",
    },
  },
  {
    id: "short-codes-domestic-only",
    countries: "*",
    severity: "error",
    check: { kind: "short_code_domestic" },
    message:
      "This service sends to {country}, but its pool has only other countries' short codes for it: short codes send domestic traffic only, so these messages fail. Add a number or an alphanumeric sender ID for {country}.",
    source: {
      guide: GUIDE,
      passage:
        "Short codes can only be used to send domestic traffic (e.g., Canadian short codes can only send SMS in Canada.). In addition to using short codes, you should add other numbers or Alpha Sender ID if you plan to send SMS to countries where short codes are not offered",
    },
  },
];

/** Countries the guide names as offering short codes (it counts 14 without naming the rest). */
export const SHORT_CODE_COUNTRIES: { countries: readonly string[]; source: RuleSource } = {
  countries: ["US", "CA", "GB", "MX", "BR"],
  source: {
    guide: GUIDE,
    passage: "As of Q4 2022, Twilio offers short code numbers in 14 countries, including the US, Canada, UK, Mexico, and Brazil.",
  },
};

/** The snowshoeing caution the Scaling tab and Sender Pool warn with (lib/core/scaling/snowshoe.ts). */
export const SNOWSHOE_SOURCE: RuleSource = {
  guide: GUIDE,
  passage:
    'We caution against adding more long code phone numbers to your Messaging Service\'s Sender Pool to distribute the load, a practice known as "snowshoeing." Instead, consider upgrading to a sender type with higher throughput, such as a toll-free number or short code, if available in your area.',
};

export function ruleApplies(rule: CountryRule, country: string): boolean {
  if (rule.except?.includes(country)) return false;
  return rule.countries === "*" || rule.countries.includes(country);
}
