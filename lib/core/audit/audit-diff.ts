/**
 * What an audit event stores of a change (docs/audit.md "Before and
 * after"): only the fields that changed, as JSON, with secrets replaced by a
 * marker. Pure: the services hand in the row before and after their write.
 */

export type AuditJson = null | boolean | number | string | AuditJson[] | { [key: string]: AuditJson };
export type AuditRecord = { [key: string]: AuditJson };

export const REDACTED = "[redacted]";

/**
 * Field names whose values never reach the log (a change to one still shows,
 * as redacted on both sides): API key secrets and their hashes, auth tokens,
 * carrier passwords, sealed secrets, private keys and certificates' key material.
 */
const SECRET_FIELD = /secret|password|passwd|token|private|keyencrypted|key_encrypted|credential/i;

/**
 * Bookkeeping columns that change on every write, the account's own SID, and
 * a new row's createdAt (the event's own time): they say nothing about the change.
 */
const ALWAYS_IGNORED = new Set(["updatedAt", "configUpdatedAt", "accountSid", "createdAt"]);

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** user:password@ in a URL (a webhook with Basic credentials) is a secret too. */
function redactUrlCredentials(s: string): string {
  return s.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, `$1${REDACTED}@`);
}

/** Any value as JSON: dates as ISO text, bigints as text, undefined and functions dropped. */
export function toAuditJson(value: unknown): AuditJson | undefined {
  if (value === null) return null;
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return redactUrlCredentials(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => toAuditJson(v) ?? null);
  if (typeof value === "object") {
    const out: AuditRecord = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const j = isSecretField(k) ? (v === null || v === undefined ? toAuditJson(v) : REDACTED) : toAuditJson(v);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  return undefined;
}

const isRecord = (v: AuditJson | undefined): v is AuditRecord => typeof v === "object" && v !== null && !Array.isArray(v);

const same = (a: AuditJson | undefined, b: AuditJson | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The changed fields of two records; nested objects are compared field by field, arrays as a whole. */
function diffRecords(before: AuditRecord, after: AuditRecord, ignore: Set<string>): { before: AuditRecord; after: AuditRecord } {
  const b: AuditRecord = {};
  const a: AuditRecord = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignore.has(key)) continue;
    const x = before[key];
    const y = after[key];
    if (isRecord(x) && isRecord(y)) {
      const inner = diffRecords(x, y, new Set());
      if (Object.keys(inner.before).length || Object.keys(inner.after).length) {
        b[key] = inner.before;
        a[key] = inner.after;
      }
      continue;
    }
    // A secret's redacted form is the same before and after: compare what was handed in instead.
    if (same(x, y)) continue;
    if (x !== undefined) b[key] = x;
    if (y !== undefined) a[key] = y;
  }
  return { before: b, after: a };
}

export interface AuditDiff {
  before: AuditRecord | null;
  after: AuditRecord | null;
  /** False when an update changed nothing (no event is recorded for it). */
  changed: boolean;
}

/**
 * The diff of a change. `before` null is a creation (every field of `after`
 * that holds a value is kept), `after` null a deletion (the same of `before`); otherwise only
 * the fields whose values differ. `ignore` drops fields on every side
 * (updatedAt and the like are always dropped). A secret that changed shows
 * as REDACTED on both sides; its value is never kept.
 */
export function auditDiff(before: unknown, after: unknown, ignore: readonly string[] = []): AuditDiff {
  const skip = new Set([...ALWAYS_IGNORED, ...ignore]);
  // A creation or deletion keeps the fields that hold a value (an unset field is not news).
  const strip = (r: AuditRecord | null) => (r ? Object.fromEntries(Object.entries(r).filter(([k, v]) => !skip.has(k) && v !== null)) : null);
  const b = before === null || before === undefined ? null : asRecord(toAuditJson(before));
  const a = after === null || after === undefined ? null : asRecord(toAuditJson(after));
  if (!b || !a) {
    const out = { before: strip(b), after: strip(a) };
    return { ...out, changed: Boolean(out.before ?? out.after) };
  }
  const secretsChanged = changedSecrets(before, after);
  const d = diffRecords(b, a, skip);
  for (const key of secretsChanged) {
    if (skip.has(key)) continue;
    d.before[key] = REDACTED;
    d.after[key] = REDACTED;
  }
  const changed = Object.keys(d.before).length > 0 || Object.keys(d.after).length > 0;
  return { before: d.before, after: d.after, changed };
}

function asRecord(j: AuditJson | undefined): AuditRecord | null {
  return isRecord(j) ? j : j === undefined ? null : { value: j };
}

/** Top-level secret fields whose raw values differ (their redacted forms look alike). */
function changedSecrets(before: unknown, after: unknown): string[] {
  if (typeof before !== "object" || typeof after !== "object" || !before || !after) return [];
  const x = before as Record<string, unknown>;
  const y = after as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => isSecretField(k) && !rawSame(x[k], y[k]));
}

function rawSame(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "object" && typeof b === "object" && a && b) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}
