import type { ConfigIssue, KeywordClassName } from "./opt-out";

/**
 * The Advanced Opt-Out form <-> OptOutConfig. Field names are the config
 * paths (`global.help.reply`, `languages.es.optOut.keywords`), so a
 * validation issue lands under its own field; the "add an override" row uses
 * `new.*` and its issues are renamed back to it.
 */
export const FORM_CLASSES: readonly KeywordClassName[] = ["optOut", "optIn", "help"];

type Fields = Record<string, unknown>;

function last(v: unknown): string {
  const one = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof one === "string" ? one : "";
}

/** Keywords as typed: separated by commas or spaces, upper-cased, duplicates dropped. */
export function parseKeywords(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((k) => k.trim().toUpperCase()).filter(Boolean))];
}

type ClassInput = { keywords: string[]; reply: string };
type ScopeInput = Partial<Record<KeywordClassName, ClassInput>>;

function readClasses(fields: Fields, prefix: string): ScopeInput {
  const out: ScopeInput = {};
  for (const c of FORM_CLASSES) {
    const kw = `${prefix}.${c}.keywords`;
    const rp = `${prefix}.${c}.reply`;
    if (!(kw in fields) && !(rp in fields)) continue;
    const keywords = parseKeywords(last(fields[kw]));
    const reply = last(fields[rp]).trim();
    // An override class left empty is not overridden.
    if (prefix !== "global" && keywords.length === 0 && reply === "") continue;
    out[c] = { keywords, reply };
  }
  return out;
}

export interface ParsedConfigForm {
  /** The candidate config (validate it with optOutConfigIssues). */
  config: { advancedOptOut: boolean; global: ScopeInput; languages: Record<string, ScopeInput>; countries: Record<string, ScopeInput> };
  /** Errors found while reading the form itself (the new override row). */
  errors: Record<string, string[]>;
  /** Where the new override row went in the config, e.g. "languages.pt". */
  newPath: string | null;
}

export function configFromForm(fields: Fields): ParsedConfigForm {
  const errors: Record<string, string[]> = {};
  const config: ParsedConfigForm["config"] = { advancedOptOut: last(fields.advancedOptOut) === "true", global: readClasses(fields, "global"), languages: {}, countries: {} };
  const seen = new Set<string>();
  for (const key of Object.keys(fields)) {
    const m = /^(languages|countries)\.([^.]+)\./.exec(key);
    if (!m) continue;
    const [, kind, tag] = m as unknown as [string, "languages" | "countries", string];
    if (seen.has(`${kind}.${tag}`)) continue;
    seen.add(`${kind}.${tag}`);
    if (last(fields[`${kind}.${tag}.remove`]) === "true") continue;
    const scope = readClasses(fields, `${kind}.${tag}`);
    if (Object.keys(scope).length) config[kind][tag] = scope;
  }
  let newPath: string | null = null;
  const newKind = last(fields["new.kind"]);
  const rawKey = last(fields["new.key"]).trim();
  const newScope = readClasses(fields, "new");
  if (rawKey || Object.keys(newScope).length) {
    const kind = newKind === "country" ? "countries" : newKind === "language" ? "languages" : null;
    const key = kind === "countries" ? rawKey.toUpperCase() : rawKey.toLowerCase();
    if (!kind) errors["new.kind"] = ["Choose a language or a country"];
    else if (!key) errors["new.key"] = [kind === "countries" ? "Enter an ISO country code, e.g. MX" : "Enter a language tag, e.g. es"];
    else if (config[kind][key] || seen.has(`${kind}.${key}`)) errors["new.key"] = [`There is already an override for ${key}`];
    else if (!Object.keys(newScope).length) errors["new.key"] = ["Give the override keywords or a reply for at least one class"];
    else {
      config[kind][key] = newScope;
      newPath = `${kind}.${key}`;
    }
  }
  return { config, errors, newPath };
}

/** Issues keyed by form field: keyword indexes folded into their field, the new row's paths renamed to `new.*`. */
export function issuesToFieldErrors(issues: readonly ConfigIssue[], newPath: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    let path = issue.path.replace(/\.keywords\.\d+$/, ".keywords");
    if (newPath && (path === newPath || path.startsWith(`${newPath}.`))) path = path === newPath ? "new.key" : `new${path.slice(newPath.length)}`;
    (out[path || "_form"] ??= []).push(issue.message);
  }
  return out;
}
