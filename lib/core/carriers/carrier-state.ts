/**
 * A carrier's live state as the console and the API show it, derived from
 * the rows its binds write (carrier_binds: one per bind per worker process,
 * refreshed every few seconds). A row not refreshed within
 * LIVE_BIND_MAX_AGE_MS belongs to a process that stopped or lost the bind:
 * it no longer counts (docs/carriers.md "Carriers API and console").
 */

export type CarrierStateName = "binding" | "bound" | "unbound" | "error";

export interface BindRow {
  state: string;
  lastError: string | null;
  lastErrorAt: Date | null;
  windowInUse: number;
  queueDepth: number;
  mpsOut: number;
  mpsIn: number;
  reconnects: number;
  lastReportAt: Date | null;
  updatedAt: Date;
}

export interface CarrierLiveState {
  state: CarrierStateName;
  /** The most recent error of a live bind (null when none has one). */
  lastError: string | null;
  lastErrorAt: Date | null;
  bindsBound: number;
  mpsOut: number;
  mpsIn: number;
  windowInUse: number;
  queueDepth: number;
  reconnects: number;
  /** Latest delivery report of any bind, live or not: a past report stays true. */
  lastDeliveryReportAt: Date | null;
}

export const LIVE_BIND_MAX_AGE_MS = 10_000;

const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null || a >= b ? a : b);

/**
 * Any live bind bound → `bound`; else any binding → `binding`; else any in
 * error → `error`; else `unbound`. A disabled carrier is `unbound` whatever
 * stale rows say (its binds are being closed). Figures sum the live binds;
 * mps are rounded to one decimal.
 */
export function deriveCarrierState(rows: readonly BindRow[], opts: { enabled: boolean; now: Date }): CarrierLiveState {
  const cutoff = opts.now.getTime() - LIVE_BIND_MAX_AGE_MS;
  const live = rows.filter((r) => r.updatedAt.getTime() >= cutoff);
  const has = (s: CarrierStateName) => live.some((r) => r.state === s);
  const state: CarrierStateName = !opts.enabled ? "unbound" : has("bound") ? "bound" : has("binding") ? "binding" : has("error") ? "error" : "unbound";
  let lastError: string | null = null;
  let lastErrorAt: Date | null = null;
  for (const r of live) {
    if (r.lastError === null) continue;
    // An error without a time still beats none; a timed one beats an untimed one.
    if (lastError === null || (r.lastErrorAt !== null && (lastErrorAt === null || r.lastErrorAt > lastErrorAt))) {
      lastError = r.lastError;
      lastErrorAt = r.lastErrorAt;
    }
  }
  const sum = (f: (r: BindRow) => number) => live.reduce((acc, r) => acc + f(r), 0);
  return {
    state,
    lastError,
    lastErrorAt,
    bindsBound: live.filter((r) => r.state === "bound").length,
    mpsOut: Math.round(sum((r) => r.mpsOut) * 10) / 10,
    mpsIn: Math.round(sum((r) => r.mpsIn) * 10) / 10,
    windowInUse: sum((r) => r.windowInUse),
    queueDepth: sum((r) => r.queueDepth),
    reconnects: sum((r) => r.reconnects),
    lastDeliveryReportAt: rows.reduce<Date | null>((acc, r) => later(acc, r.lastReportAt), null),
  };
}

/**
 * Whether a bind error is about the credentials (wrong system_id or
 * password, or an upstream's 401): the edit form shows such an error at the
 * password / auth token field. Matches the SMPP command statuses by name or
 * value (ESME_RINVPASWD 0x0E, ESME_RINVSYSID 0x0F) and plain wording.
 */
export function isCredentialsError(lastError: string | null | undefined): boolean {
  if (!lastError) return false;
  return /ESME_RINVPASWD|ESME_RINVSYSID|0x0*0[eEfF]\b|password|system[_ ]?id|credential|authenticat|unauthori[sz]ed|\b401\b|\b20003\b/i.test(lastError);
}
