/**
 * What every step of sender selection shares (select-sender.ts): the
 * decision's state and trace, the results, media planning, the scaler's
 * pick and the alpha pre-registration warning.
 */
import type { TwilioError } from "../errors";
import type { ParsedAddress } from "../phone/parse-address";
import type { Group, IndexedSender, RoutingPool } from "./pool";
import { scale } from "./scaler";
import type { StickyReader } from "./sticky-store";
import type {
  CarrierInfo,
  ChosenSender,
  RoutingWarning,
  SelectFailure,
  SelectSuccess,
  ServiceSettings,
  StickyKey,
} from "./types";

/** What the caller knows besides the pool and the request. */
export interface SelectContext {
  settings: ServiceSettings;
  /** The recipient's carrier. */
  carrier: CarrierInfo;
  /** Sticky mappings (a whole store, or just this recipient's rows). */
  sticky?: StickyReader;
  /**
   * Explicit From / FallbackFrom that is not in the pool: is it a sender of
   * the account (docs/product.md "Explicit From")? Missing means no.
   */
  isAccountSender?: (address: string) => boolean;
}

/** Per-decision state, so helpers append to one trace. */
export interface Decision {
  pool: RoutingPool;
  to: ParsedAddress;
  ctx: SelectContext;
  trace: string[];
  warnings: RoutingWarning[];
  stickyDelete?: StickyKey;
}

export function chosen(s: IndexedSender): ChosenSender {
  return { id: s.id, type: s.type, address: s.address, inPool: true };
}

export function fail(d: Decision, error: TwilioError): SelectFailure {
  const out: SelectFailure = { ok: false, error, trace: d.trace, warnings: d.warnings };
  if (d.stickyDelete) out.stickyDelete = d.stickyDelete;
  return out;
}

export function succeed(
  d: Decision,
  s: ChosenSender,
  channel: SelectSuccess["channel"],
  convertMedia: boolean,
  extra?: Partial<SelectSuccess>,
): SelectSuccess {
  const out: SelectSuccess = { ok: true, sender: s, channel, convertMedia, trace: d.trace, warnings: d.warnings };
  if (extra) Object.assign(out, extra);
  if (d.stickyDelete) out.stickyDelete = d.stickyDelete;
  return out;
}

// ---------------------------------------------------------------- media

export interface MediaPlan {
  /** Candidates must be MMS-capable. */
  needMedia: boolean;
  /** Media goes as an appended link (MMS Converter). */
  convert: boolean;
}

export const NO_MEDIA: MediaPlan = { needMedia: false, convert: false };

export function planMedia(d: Decision, hasMedia: boolean): MediaPlan {
  if (!hasMedia) return NO_MEDIA;
  if (d.ctx.carrier.mms) return { needMedia: true, convert: false };
  if (d.ctx.settings.mmsConverter) {
    d.trace.push("mms converter: recipient's carrier cannot receive MMS, media goes as a link in an SMS");
    return { needMedia: false, convert: true };
  }
  d.warnings.push({
    code: "carrier_cannot_receive_mms",
    message: "The recipient's carrier cannot receive MMS and MMS Converter is off; delivery will likely fail.",
  });
  d.trace.push("mms: recipient's carrier cannot receive MMS and MMS Converter is off; sending as MMS");
  return { needMedia: true, convert: false };
}

// ---------------------------------------------------------------- scaler

function isUnregisteredUsLongCode(s: IndexedSender): boolean {
  return s.type === "long_code" && s.country === "US" && s.sender.a2pRegistered === false;
}

export function pickFrom(d: Decision, group: Group, all: readonly IndexedSender[]): IndexedSender | undefined {
  // Rare setting, so filtering here (allocating) beats another set of indexes.
  const candidates = d.ctx.settings.enforceUsA2p ? all.filter((s) => !isUnregisteredUsLongCode(s)) : all;
  const pick = scale(group, candidates, d.pool.load, d.ctx.settings.stickySender);
  if (!pick) return undefined;
  if (pick.note) d.trace.push(`scaler: ${pick.sender.id}, ${pick.note}`);
  return pick.sender;
}

// ---------------------------------------------------------------- alerts

export function addPreRegistrationWarning(d: Decision, level: "required" | "recommended"): void {
  d.warnings.push({
    code: level === "required" ? "alpha_pre_registration_required" : "alpha_pre_registration_recommended",
    message: `Sender ID pre-registration is ${level} for ${d.to.country}; unregistered alphanumeric senders may be filtered.`,
  });
  d.trace.push(`alert: Sender ID pre-registration ${level} for ${d.to.country}`);
}
