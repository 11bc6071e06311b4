import { z } from "zod";

/** Keyword classes and the OptOutType each one reports (docs/product.md "Advanced Opt-Out"). */
export type OptOutType = "STOP" | "START" | "HELP";
export type KeywordClassName = "optOut" | "optIn" | "help";

export const CLASS_TYPE: Readonly<Record<KeywordClassName, OptOutType>> = { optOut: "STOP", optIn: "START", help: "HELP" };

/** Keywords that can never be removed (docs/wire-contract.md "Opt-out keywords"). */
export const RESERVED_KEYWORDS: Readonly<Record<KeywordClassName, string>> = { optOut: "STOP", optIn: "START", help: "HELP" };

/** Keywords: letters and digits, at most 34 (Messaging v3 keyword rule); matched case-insensitively. */
export const KEYWORD_PATTERN = /^[A-Za-z0-9]{1,34}$/;
export const MAX_REPLY_LENGTH = 1600;

const keywordSchema = z.string().regex(KEYWORD_PATTERN, "keywords are 1-34 letters or digits");
const replySchema = z.string().min(1, "reply is required").max(MAX_REPLY_LENGTH, `reply is at most ${MAX_REPLY_LENGTH} characters`);

export const keywordClassSchema = z.strictObject({ keywords: z.array(keywordSchema), reply: replySchema });
const overrideSchema = z.strictObject({
  optOut: keywordClassSchema.optional(),
  optIn: keywordClassSchema.optional(),
  help: keywordClassSchema.optional(),
});

/** JSON-storable opt-out settings of a service (the Opt-Out Management page). */
export const optOutConfigSchema = z.strictObject({
  /** Off: the default keywords and replies apply and the rest is kept but ignored. */
  advancedOptOut: z.boolean(),
  global: z.strictObject({ optOut: keywordClassSchema, optIn: keywordClassSchema, help: keywordClassSchema }),
  /** Keyed by language tag (e.g. "es", "pt-BR"). */
  languages: z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "language tag, e.g. es or pt-BR"), overrideSchema),
  /** Keyed by ISO 3166-1 alpha-2 country. */
  countries: z.record(z.string().regex(/^[A-Z]{2}$/, "ISO country code, e.g. MX"), overrideSchema),
});

export type KeywordClass = z.infer<typeof keywordClassSchema>;
export type OptOutOverride = z.infer<typeof overrideSchema>;
export type OptOutConfig = z.infer<typeof optOutConfigSchema>;

/** Default replies (docs/wire-contract.md "Opt-out keywords"). */
export const DEFAULT_REPLIES: Readonly<Record<KeywordClassName, string>> = {
  optOut: "You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.",
  optIn: "You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.",
  help: "Reply STOP to unsubscribe. Msg&Data Rates May Apply.",
};

export const DEFAULT_KEYWORDS: Readonly<Record<KeywordClassName, readonly string[]>> = {
  optOut: ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"],
  optIn: ["START", "YES", "UNSTOP"],
  help: ["HELP", "INFO"],
};

/** A fresh default configuration (Advanced Opt-Out off). */
export function defaultOptOutConfig(): OptOutConfig {
  const cls = (c: KeywordClassName): KeywordClass => ({ keywords: [...DEFAULT_KEYWORDS[c]], reply: DEFAULT_REPLIES[c] });
  return { advancedOptOut: false, global: { optOut: cls("optOut"), optIn: cls("optIn"), help: cls("help") }, languages: {}, countries: {} };
}

const CLASSES: readonly KeywordClassName[] = ["optOut", "optIn", "help"];

export interface ConfigIssue {
  /** Path in the config, e.g. "global.optOut.keywords" or "languages.es.help.reply". */
  path: string;
  message: string;
}

/**
 * Rule errors the schema cannot express: STOP, START and HELP stay in their
 * global class; one keyword belongs to one class per scope. Messages name the
 * path, e.g. `global.optOut.keywords: STOP cannot be removed`.
 */
export function validateOptOutConfig(config: OptOutConfig): string[] {
  return optOutConfigIssues(config).map((i) => `${i.path}: ${i.message}`);
}

/** validateOptOutConfig's errors with the path apart (forms show each under its field). */
export function optOutConfigIssues(config: unknown): ConfigIssue[] {
  const errors: ConfigIssue[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const parsed = optOutConfigSchema.safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path.map(String).join("."), issue.message);
    return errors;
  }
  const valid = parsed.data;
  for (const c of CLASSES) {
    const reserved = RESERVED_KEYWORDS[c];
    if (!valid.global[c].keywords.some((k) => k.toUpperCase() === reserved)) add(`global.${c}.keywords`, `${reserved} cannot be removed`);
  }
  const scopes: [string, OptOutOverride][] = [
    ["global", valid.global],
    ...Object.entries(valid.languages).map(([k, v]): [string, OptOutOverride] => [`languages.${k}`, v]),
    ...Object.entries(valid.countries).map(([k, v]): [string, OptOutOverride] => [`countries.${k}`, v]),
  ];
  for (const [path, scope] of scopes) {
    const owner = new Map<string, KeywordClassName>();
    for (const c of CLASSES) {
      for (const k of scope[c]?.keywords ?? []) {
        const key = k.toUpperCase();
        const other = owner.get(key);
        if (other && other !== c) add(`${path}.${c}.keywords`, `${key} is already a ${other} keyword`);
        // A reserved keyword may not change class in an override either.
        const reservedOf = CLASSES.find((rc) => RESERVED_KEYWORDS[rc] === key);
        if (reservedOf && reservedOf !== c) add(`${path}.${c}.keywords`, `${key} is reserved for ${reservedOf}`);
        owner.set(key, c);
      }
    }
  }
  return errors;
}

export interface KeywordMatch {
  type: OptOutType;
  reply: string;
}

interface Compiled {
  keywords: Map<string, KeywordClassName>;
  replies: Partial<Record<KeywordClassName, string>>;
}

function compile(scope: OptOutOverride | undefined): Compiled {
  const out: Compiled = { keywords: new Map(), replies: {} };
  if (!scope) return out;
  for (const c of CLASSES) {
    const cls = scope[c];
    if (!cls) continue;
    for (const k of cls.keywords) out.keywords.set(k.toUpperCase(), c);
    out.replies[c] = cls.reply;
  }
  return out;
}

const DEFAULT_COMPILED = compile(defaultOptOutConfig().global);
const cache = new WeakMap<OptOutConfig, { global: Compiled; languages: Map<string, Compiled>; countries: Map<string, Compiled> }>();

function compiledFor(config: OptOutConfig) {
  let c = cache.get(config);
  if (!c) {
    const global = compile(config.global);
    // STOP, START and HELP work even in a config that failed validation.
    for (const cl of CLASSES) if (!global.keywords.has(RESERVED_KEYWORDS[cl])) global.keywords.set(RESERVED_KEYWORDS[cl], cl);
    c = {
      global,
      languages: new Map(Object.entries(config.languages).map(([k, v]) => [k.toLowerCase(), compile(v)])),
      countries: new Map(Object.entries(config.countries).map(([k, v]) => [k, compile(v)])),
    };
    cache.set(config, c);
  }
  return c;
}

/**
 * The keyword class of an inbound body, with the reply to send, or null.
 * Whole body, trimmed, case-insensitive. Resolution: the recipient country's
 * override, then its language's (exact tag, then the primary subtag), then the
 * global set, both for which class a keyword belongs to and for the reply of
 * that class. With Advanced Opt-Out off (or no config) the defaults apply.
 */
export function matchKeyword(body: string, config: OptOutConfig | null | undefined, locale: { country?: string | null; language?: string | null } = {}): KeywordMatch | null {
  const word = body.trim().toUpperCase();
  if (word === "") return null;
  if (!config || !config.advancedOptOut) {
    const c = DEFAULT_COMPILED.keywords.get(word);
    return c ? { type: CLASS_TYPE[c], reply: DEFAULT_COMPILED.replies[c]! } : null;
  }
  const compiled = compiledFor(config);
  const scopes: Compiled[] = [];
  const country = locale.country ? compiled.countries.get(locale.country.toUpperCase()) : undefined;
  if (country) scopes.push(country);
  if (locale.language) {
    const tag = locale.language.toLowerCase();
    const lang = compiled.languages.get(tag) ?? compiled.languages.get(tag.split("-")[0]!);
    if (lang) scopes.push(lang);
  }
  scopes.push(compiled.global);
  for (const scope of scopes) {
    const c = scope.keywords.get(word);
    if (!c) continue;
    const reply = scopes.find((s) => s.replies[c] !== undefined)?.replies[c] ?? DEFAULT_REPLIES[c];
    return { type: CLASS_TYPE[c], reply };
  }
  return null;
}
