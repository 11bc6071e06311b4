import { CLASS_TYPE, DEFAULT_REPLIES, matchKeyword, type KeywordClassName, type OptOutConfig, type OptOutOverride, type OptOutType } from "./opt-out";

const CLASSES: readonly KeywordClassName[] = ["optOut", "optIn", "help"];

/** Where a keyword (or a reply) came from: an override, the service's global set, or the built-in defaults. */
export type KeywordScope = { kind: "country"; key: string } | { kind: "language"; key: string } | { kind: "global" } | { kind: "default" };

export interface KeywordResolution {
  type: OptOutType;
  className: KeywordClassName;
  reply: string;
  /** The upper-cased keyword that matched. */
  keyword: string;
  /** The language the keyword was detected as (a language override listing it), if any. */
  language: string | null;
  /** The scope whose keyword list decided the class. */
  keywordScope: KeywordScope;
  /** The scope whose reply is sent. */
  replyScope: KeywordScope;
}

function classOf(scope: OptOutOverride | undefined, word: string): KeywordClassName | null {
  if (!scope) return null;
  for (const c of CLASSES) if (scope[c]?.keywords.some((k) => k.toUpperCase() === word)) return c;
  return null;
}

/**
 * The language of an inbound keyword. A text message carries no language, so
 * the keyword itself decides: the first language override (by tag, in
 * alphabetical order) that lists the word as a keyword. A word only in the
 * global set (e.g. STOP) has no language and gets the global reply, unless a
 * country override applies.
 */
export function detectLanguage(body: string, config: OptOutConfig): string | null {
  const word = body.trim().toUpperCase();
  if (!word) return null;
  const tags = Object.keys(config.languages).sort();
  return tags.find((t) => classOf(config.languages[t], word) !== null) ?? null;
}

/**
 * matchKeyword plus the why: the class, the reply, and which scope decided
 * each (Advanced Opt-Out preview and the inbound keyword handler). `country`
 * is the ISO country of the number that texted the keyword.
 */
export function resolveKeyword(body: string, config: OptOutConfig | null | undefined, locale: { country?: string | null } = {}): KeywordResolution | null {
  const word = body.trim().toUpperCase();
  if (!config || !config.advancedOptOut) {
    const m = matchKeyword(body, null);
    if (!m) return null;
    const className = CLASSES.find((c) => CLASS_TYPE[c] === m.type)!;
    return { type: m.type, className, reply: m.reply, keyword: word, language: null, keywordScope: { kind: "default" }, replyScope: { kind: "default" } };
  }
  const country = locale.country?.toUpperCase() ?? null;
  const language = detectLanguage(word, config);
  const m = matchKeyword(body, config, { country, language });
  if (!m) return null;
  const className = CLASSES.find((c) => CLASS_TYPE[c] === m.type)!;
  const countryScope = country ? config.countries[country] : undefined;
  const languageScope = language ? config.languages[language] : undefined;
  const scopes: [KeywordScope, OptOutOverride | undefined][] = [
    [{ kind: "country", key: country ?? "" }, countryScope],
    [{ kind: "language", key: language ?? "" }, languageScope],
    [{ kind: "global" }, config.global],
  ];
  const keywordScope = scopes.find(([, s]) => classOf(s, word) !== null)?.[0] ?? { kind: "global" };
  const replyScope = scopes.find(([, s]) => s?.[className] !== undefined)?.[0] ?? { kind: "default" };
  const reply = replyScope.kind === "default" ? DEFAULT_REPLIES[className] : m.reply;
  return { type: m.type, className, reply, keyword: word, language, keywordScope, replyScope };
}

/** A sentence for the preview: which scope applied and why. */
export function describeScope(scope: KeywordScope): string {
  switch (scope.kind) {
    case "country":
      return `the ${scope.key} country override`;
    case "language":
      return `the "${scope.key}" language override`;
    case "global":
      return "the service's global keywords";
    case "default":
      return "the default keywords (Advanced Opt-Out is off)";
  }
}
