import { twilioError, type TwilioError } from "../errors";
import type { ParsedAddress } from "../phone/parse-address";
import { alphaEligibility } from "./alpha-eligibility";
import { inferSenderType } from "./infer-sender-type";
import type { Group, IndexedSender, NumberIndex, RoutingPool } from "./pool";
import { scale } from "./scaler";
import type { StickyReader } from "./sticky-store";
import type {
  CarrierInfo,
  ChosenSender,
  RoutingWarning,
  SelectFailure,
  SelectRequest,
  SelectResult,
  SelectSuccess,
  ServiceSettings,
  StickyChannel,
  StickyKey,
} from "./types";
import { invalidReason } from "./validate-sender";

export interface SelectContext {
  settings: ServiceSettings;
  /** The recipient's carrier. */
  carrier: CarrierInfo;
  /** Sticky mappings (a whole store, or just this recipient's rows). */
  sticky?: StickyReader;
  /**
   * Explicit From / FallbackFrom that is not in the pool: is it a sender of
   * the account (SPEC 2.1)? Missing means no.
   */
  isAccountSender?: (address: string) => boolean;
}

/** Per-decision state, so helpers append to one trace. */
interface Decision {
  pool: RoutingPool;
  to: ParsedAddress;
  ctx: SelectContext;
  trace: string[];
  warnings: RoutingWarning[];
  stickyDelete?: StickyKey;
}

function chosen(s: IndexedSender): ChosenSender {
  return { id: s.id, type: s.type, address: s.address, inPool: true };
}

function fail(d: Decision, error: TwilioError): SelectFailure {
  const out: SelectFailure = { ok: false, error, trace: d.trace, warnings: d.warnings };
  if (d.stickyDelete) out.stickyDelete = d.stickyDelete;
  return out;
}

function succeed(
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

/**
 * Picks the sender for one message (SPEC section 2). Pure apart from the
 * pool's round robin cursors: sticky changes are returned (`stickyWrite`,
 * `stickyDelete`) for the caller to persist (see applyStickyChanges).
 */
export function selectSender(pool: RoutingPool, req: SelectRequest, ctx: SelectContext): SelectResult {
  const d: Decision = { pool, to: req.to, ctx, trace: [], warnings: [] };
  if (req.from !== undefined) return selectExplicit(d, req);
  if (pool.size === 0) {
    d.trace.push("pool: no senders");
    return fail(d, twilioError(21704));
  }
  switch (req.to.channel) {
    case "whatsapp":
      return selectWhatsapp(d);
    case "rcs":
      return selectRcsChannel(d, req);
    case "sms":
      return selectSms(d, req);
  }
}

// ---------------------------------------------------------------- media

interface MediaPlan {
  /** Candidates must be MMS-capable. */
  needMedia: boolean;
  /** Media goes as an appended link (MMS Converter). */
  convert: boolean;
}

const NO_MEDIA: MediaPlan = { needMedia: false, convert: false };

function planMedia(d: Decision, hasMedia: boolean): MediaPlan {
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

// ---------------------------------------------------------------- sticky

/** The recipient's mapping, when usable; otherwise selection runs as if there were none. */
function stickyLookup(d: Decision, channel: StickyChannel, needMedia: boolean): IndexedSender | undefined {
  const { settings, sticky } = d.ctx;
  if (!settings.stickySender) {
    d.trace.push("sticky: off (mappings ignored, kept)");
    return undefined;
  }
  const id = sticky?.get(channel, d.to.e164);
  if (id === undefined) {
    d.trace.push("sticky: no mapping");
    return undefined;
  }
  const s = d.pool.get(id);
  if (!s) {
    d.stickyDelete = { channel, recipient: d.to.e164 };
    d.trace.push(`sticky: ${d.to.e164} -> ${id} removed (sender no longer in the pool)`);
    return undefined;
  }
  const reason = invalidReason(s, d.to, d.ctx.carrier, settings);
  if (reason) {
    d.stickyDelete = { channel, recipient: d.to.e164 };
    d.trace.push(`sticky: ${d.to.e164} -> ${id} removed (${reason})`);
    return undefined;
  }
  if (needMedia && !s.canMedia) {
    // The mapping is about the recipient, not this message: keep it.
    d.trace.push(`sticky: ${id} cannot send MMS; mapping kept, another sender for this message`);
    return undefined;
  }
  d.trace.push(`sticky: ${d.to.e164} -> ${id}`);
  // Every message from an unregistered alpha sender is at risk, not only the first one.
  if (s.type === "alpha") {
    const pre = alphaEligibility(d.to.country).preRegistration;
    if (pre !== "none") addPreRegistrationWarning(d, pre);
  }
  return s;
}

function stickyWriteFor(d: Decision, channel: StickyChannel, s: IndexedSender): Partial<SelectSuccess> | undefined {
  if (!d.ctx.settings.stickySender) return undefined;
  // A mapping skipped only for this message (MMS) stays as it is.
  if (!d.stickyDelete && d.ctx.sticky?.get(channel, d.to.e164) !== undefined) return undefined;
  d.trace.push(`sticky: mapped ${d.to.e164} -> ${s.id}`);
  return { stickyWrite: { channel, recipient: d.to.e164, senderId: s.id } };
}

// ---------------------------------------------------------------- scaler

function isUnregisteredUsLongCode(s: IndexedSender): boolean {
  return s.type === "long_code" && s.country === "US" && s.sender.a2pRegistered === false;
}

function pickFrom(d: Decision, group: Group, all: readonly IndexedSender[]): IndexedSender | undefined {
  // Rare setting, so filtering here (allocating) beats another set of indexes.
  const candidates = d.ctx.settings.enforceUsA2p ? all.filter((s) => !isUnregisteredUsLongCode(s)) : all;
  const pick = scale(group, candidates, d.pool.load, d.ctx.settings.stickySender);
  if (!pick) return undefined;
  if (pick.note) d.trace.push(`scaler: ${pick.sender.id}, ${pick.note}`);
  return pick.sender;
}

// ---------------------------------------------------------------- channels

function selectWhatsapp(d: Decision): SelectResult {
  const mapped = stickyLookup(d, "whatsapp", false);
  if (mapped) return succeed(d, chosen(mapped), "whatsapp", false);
  const country = d.to.country;
  let group = d.pool.whatsappByCountry.get(country);
  let why = `WhatsApp sender of ${country}`;
  if (!group || group.all.length === 0) {
    group = d.pool.whatsappAll;
    why = `no WhatsApp sender of ${country}, any WhatsApp sender`;
  }
  const s = pickFrom(d, group, group.all);
  if (!s) {
    d.trace.push("channel whatsapp: the pool has no WhatsApp sender");
    return fail(d, twilioError(21703));
  }
  d.trace.push(`channel whatsapp: ${s.id} (${why})`);
  return succeed(d, chosen(s), "whatsapp", false, stickyWriteFor(d, "whatsapp", s));
}

function selectRcsChannel(d: Decision, req: SelectRequest): SelectResult {
  const country = d.to.country;
  let group = d.pool.rcsByCountry.get(country);
  let why = `approved for ${country}`;
  if (!group || group.all.length === 0) {
    group = d.pool.rcsAll;
    why = `none approved for ${country}, any RCS sender`;
  }
  const s = pickFrom(d, group, group.all);
  if (!s) {
    d.trace.push("channel rcs: the pool has no RCS sender");
    return fail(d, twilioError(21703));
  }
  d.trace.push(`channel rcs: ${s.id} (${why})`);
  return withRcsFallback(d, s, req);
}

/** FallbackFrom (SPEC 2.10): the given SMS sender, else the pool's only SMS-capable sender. */
function withRcsFallback(d: Decision, s: IndexedSender, req: SelectRequest): SelectResult {
  if (req.fallbackFrom !== undefined) {
    const fb = d.pool.findByAddress(req.fallbackFrom);
    if (fb && fb.type !== "rcs" && fb.type !== "whatsapp" && fb.canSms) {
      d.trace.push(`fallback: ${fb.id} (FallbackFrom)`);
      return succeed(d, chosen(s), "rcs", false, { fallbackSender: chosen(fb) });
    }
    const type = inferSenderType(req.fallbackFrom);
    if (!fb && type && type !== "rcs" && type !== "whatsapp" && d.ctx.isAccountSender?.(req.fallbackFrom)) {
      d.trace.push(`fallback: ${req.fallbackFrom} (FallbackFrom, account sender outside the pool)`);
      const external: ChosenSender = { id: req.fallbackFrom, type, address: req.fallbackFrom, inPool: false };
      return succeed(d, chosen(s), "rcs", false, { fallbackSender: external });
    }
    d.trace.push(`fallback: FallbackFrom ${req.fallbackFrom} is not an SMS sender of this account`);
    return fail(d, twilioError(21212, `Invalid 'FallbackFrom' Number: ${req.fallbackFrom}`));
  }
  const sms = d.pool.smsCapable;
  const only = sms.length === 1 ? sms[0] : undefined;
  if (only) {
    d.trace.push(`fallback: ${only.id} (the only SMS-capable sender in the pool)`);
    return succeed(d, chosen(s), "rcs", false, { fallbackSender: chosen(only) });
  }
  d.trace.push(`fallback: none (${sms.length} SMS-capable senders in the pool; pass FallbackFrom to choose)`);
  return succeed(d, chosen(s), "rcs", false);
}

function selectSms(d: Decision, req: SelectRequest): SelectResult {
  const { pool, to, ctx } = d;
  const country = to.country;

  // SPEC 2.8: the sticky mapping is looked up before the tiers (RCS included),
  // so a recipient mapped to an SMS sender stays on it while Sticky Sender is on.
  const media = planMedia(d, req.hasMedia);
  const mapped = stickyLookup(d, "sms", media.needMedia);
  if (mapped) return succeed(d, chosen(mapped), "sms", media.convert);

  // Tier 1, RCS: its own channel, which writes no sticky mapping.
  if (ctx.carrier.rcs) {
    const group = pool.rcsByCountry.get(country);
    const s = group ? pickFrom(d, group, group.all) : undefined;
    if (s) {
      d.trace.push(`tier rcs: ${s.id} (approved for ${country}, recipient RCS-capable)`);
      return withRcsFallback(d, s, req);
    }
    if (pool.rcsAll.all.length > 0) d.trace.push(`tier rcs: no RCS sender approved for ${country}`);
  }
  if (req.fallbackFrom !== undefined) d.trace.push("fallback: FallbackFrom ignored (not sent over RCS)");

  const s = smsTiers(d, media.needMedia);
  if (!s) {
    const what = media.needMedia ? "MMS-capable sender" : "sender";
    return fail(d, twilioError(21703, `${twilioError(21703).message} (no ${what} for ${country})`));
  }
  return succeed(d, chosen(s), "sms", media.convert, stickyWriteFor(d, "sms", s));
}

/** Tiers 2-4 of SPEC 2.4 for the SMS/MMS channel. */
function smsTiers(d: Decision, needMedia: boolean): IndexedSender | undefined {
  const { pool, to, ctx } = d;
  const country = to.country;

  // Tier 2: short code of the recipient's country, if the carrier takes them.
  const shortCodes = pool.shortCodeByCountry.get(country);
  const hasShortCode = shortCodes !== undefined && shortCodes.all.length > 0;
  if (shortCodes && hasShortCode) {
    const candidates = shortCodes.pick(needMedia);
    if (!ctx.carrier.shortCodes) {
      d.trace.push("tier short_code: skipped, recipient's carrier does not take short codes (short code reroute)");
    } else if (candidates.length === 0) {
      d.trace.push(`tier short_code: no MMS-capable short code for ${country}`);
    } else {
      const s = pickFrom(d, shortCodes, candidates);
      if (s) {
        d.trace.push(`tier short_code: ${s.id} (${country}, carrier takes short codes)`);
        return s;
      }
    }
  }

  // Tier 3: alphanumeric sender ID, destination-specific before service-wide.
  const dest = pool.alphaByCountry.get(country);
  if (pool.alphaGlobal.all.length > 0 || (dest !== undefined && dest.all.length > 0)) {
    const alpha = alphaEligibility(country);
    if (!alpha.eligible) {
      d.trace.push(`tier alpha: ${country} does not support alphanumeric sender IDs`);
    } else if (hasShortCode) {
      d.trace.push(`tier alpha: skipped, the pool has a short code for ${country}`);
    } else {
      const destCandidates = dest?.pick(needMedia) ?? [];
      const useDest = dest !== undefined && destCandidates.length > 0;
      const group = useDest ? dest : pool.alphaGlobal;
      const s = pickFrom(d, group, useDest ? destCandidates : pool.alphaGlobal.pick(needMedia));
      if (s) {
        const why = useDest ? `destination-specific for ${country}` : "service-wide";
        d.trace.push(`tier alpha: ${s.id} (${why}; no fallback to long codes)`);
        if (alpha.preRegistration !== "none") addPreRegistrationWarning(d, alpha.preRegistration);
        return s;
      }
      d.trace.push("tier alpha: no MMS-capable alphanumeric sender");
    }
  }

  // Tier 4: long codes and toll-free; in Canada toll-free first.
  if (to.isCanada) {
    return (
      numberTier(d, pool.tollFree, "toll_free", needMedia, "toll-free first in Canada") ??
      numberTier(d, pool.longCodes, "long_code", needMedia, "")
    );
  }
  return numberTier(d, pool.numbers, "long_code/toll_free", needMedia, "");
}

function addPreRegistrationWarning(d: Decision, level: "required" | "recommended"): void {
  d.warnings.push({
    code: level === "required" ? "alpha_pre_registration_required" : "alpha_pre_registration_recommended",
    message: `Sender ID pre-registration is ${level} for ${d.to.country}; unregistered alphanumeric senders may be filtered.`,
  });
  d.trace.push(`alert: Sender ID pre-registration ${level} for ${d.to.country}`);
}

/** Country Code Geomatch and Area Code Geomatch inside one tier (SPEC 2.5, 2.6). */
function numberTier(
  d: Decision,
  index: NumberIndex,
  label: string,
  needMedia: boolean,
  note: string,
): IndexedSender | undefined {
  const { to, ctx } = d;
  if (index.all.all.length === 0) return undefined;
  const levels: Array<[Group | undefined, () => string]> = [];
  if (ctx.settings.areaCodeGeomatch && (to.isUS || to.isCanada) && to.npa) {
    const npa = to.npa;
    levels.push([index.byNpa.get(npa), () => `area code ${npa}`]);
    levels.push([index.overlay(npa), () => `overlays area code ${npa}`]);
  }
  levels.push([index.byCountry.get(to.country), () => `${to.country} number`]);
  if (to.country !== "US") levels.push([index.byCountry.get("US"), () => `no ${to.country} number, US number`]);
  levels.push([index.all, () => `no ${to.country === "US" ? "US" : `${to.country} or US`} number, any number`]);

  for (const [group, why] of levels) {
    if (!group) continue;
    const candidates = group.pick(needMedia);
    const s = pickFrom(d, group, candidates);
    if (!s) continue;
    const details = [why(), needMedia ? "MMS-capable" : "", note].filter(Boolean).join(", ");
    d.trace.push(`tier ${label}: ${s.id} (${details})`);
    return s;
  }
  if (needMedia) d.trace.push(`tier ${label}: no MMS-capable sender`);
  return undefined;
}

// ---------------------------------------------------------------- explicit From

/** SPEC 2.1: explicit From, no automatic selection; the sender must belong to the account. */
function selectExplicit(d: Decision, req: SelectRequest): SelectResult {
  const from = req.from ?? "";
  const s = d.pool.findByAddress(from);
  if (s) {
    const reason = invalidReason(s, d.to, d.ctx.carrier, d.ctx.settings);
    if (reason) {
      d.trace.push(`from: ${from} (${s.id}) cannot send to ${d.to.raw}: ${reason}`);
      return fail(d, twilioError(21606));
    }
    const channel = s.type === "rcs" ? "rcs" : d.to.channel;
    const media = channel === "sms" ? planMedia(d, req.hasMedia) : NO_MEDIA;
    if (media.needMedia && !s.canMedia) {
      d.trace.push(`from: ${from} (${s.id}) is not MMS-capable`);
      return fail(d, twilioError(21621));
    }
    d.trace.push(`from: explicit From ${from} (${s.id}), no automatic selection`);
    if (s.type === "alpha") {
      const pre = alphaEligibility(d.to.country).preRegistration;
      if (pre !== "none") addPreRegistrationWarning(d, pre);
    }
    if (channel === "rcs") return withRcsFallback(d, s, req);
    return succeed(d, chosen(s), channel, media.convert);
  }
  const type = inferSenderType(from);
  if (!type) {
    d.trace.push(`from: ${from} is not a phone number, short code, alphanumeric ID or channel address`);
    return fail(d, twilioError(21212));
  }
  if (!d.ctx.isAccountSender?.(from)) {
    d.trace.push(`from: ${from} is not a sender of this account`);
    return fail(d, twilioError(21606));
  }
  const channelOk = d.to.channel === "whatsapp" ? type === "whatsapp" : d.to.channel === "rcs" ? type === "rcs" : type !== "whatsapp";
  if (!channelOk) {
    d.trace.push(`from: ${from} cannot send on the ${d.to.channel} channel`);
    return fail(d, twilioError(21606));
  }
  const channel = type === "rcs" ? "rcs" : d.to.channel;
  const media = channel === "sms" ? planMedia(d, req.hasMedia) : NO_MEDIA;
  d.trace.push(`from: explicit From ${from} (account sender outside the pool), no automatic selection`);
  return succeed(d, { id: from, type, address: from, inPool: false }, channel, media.convert);
}
