import { parseAddress, type ParsedAddress } from "@/lib/core/address/parse-address";
import { twilioError, type TwilioErrorCode } from "@/lib/core/errors";
import { MAX_BODY_CHARACTERS } from "@/lib/core/encoding/encode-body";
import { alphaSupportFor } from "@/lib/core/senders/alpha-countries";
import { RoutingPool, type GeoIndex, type PoolEntry, type PoolIndexes } from "./pool";
import type { StickyStore } from "./sticky-store";
import {
  DEFAULT_CARRIER,
  type CarrierInfo,
  type RoutingRequest,
  type RoutingSender,
  type RoutingWarning,
  type SelectResult,
  type SendChannel,
  type StickyChannel,
} from "./types";

export interface SelectContext {
  /** Sticky mappings; none = no mapping known. */
  sticky?: StickyStore;
  /** What is known of the recipient's carrier; missing keys: short codes yes, MMS yes, RCS no. */
  carrier?: Partial<CarrierInfo>;
  /**
   * The account's senders by address, for an explicit From or FallbackFrom.
   * Default: the pool's senders only.
   */
  accountSenders?: ReadonlyMap<string, RoutingSender>;
}

/** Warning code of the Sender ID pre-registration alert (Compliance page). */
export const SENDER_ID_PREREGISTRATION = "SENDER_ID_PREREGISTRATION";

const SMS_TYPES = new Set(["long_code", "toll_free", "short_code", "alpha"]);

interface Job {
  pool: RoutingPool;
  ix: PoolIndexes;
  r: ParsedAddress;
  carrier: CarrierInfo;
  needMms: boolean;
  trace: string[];
  warnings: RoutingWarning[];
  ctx: SelectContext;
  /** Scaler's remark, written after the rule that chose the candidates. */
  note: string | null;
}

function say(job: Job, text: string): void {
  job.trace.push(text);
  if (job.note) {
    job.trace.push(job.note);
    job.note = null;
  }
}

function fail(code: TwilioErrorCode, trace: string[], warnings: RoutingWarning[], r?: ParsedAddress, extra: Partial<{ stickyRemove: { channel: StickyChannel; recipient: string } }> = {}): SelectResult {
  return { ok: false, error: twilioError(code), trace, warnings, ...(r ? { recipient: r } : {}), ...extra };
}

/** Why `e` cannot carry this message to this recipient on the SMS channel, or null when it can. */
function smsIneligibility(e: PoolEntry, job: Job): string | null {
  const { r, needMms, carrier, ix } = job;
  if (!SMS_TYPES.has(e.type)) return `${e.type} sender`;
  if (!e.sms) return "not SMS-capable";
  if (needMms && !e.mms) return "not MMS-capable";
  if (e.type === "short_code") {
    if (e.country !== r.country) return `short code of ${e.country ?? "unknown country"}, recipient in ${r.country}`;
    if (!carrier.shortCode) return "carrier takes no short codes";
  }
  if (e.type === "alpha") {
    const support = alphaSupportFor(r.country)?.alphaSupported;
    if (support !== true) return `${r.country} does not support alphanumeric sender IDs`;
    if (ix.shortByCountry.has(r.country)) return `pool has a short code for ${r.country}`;
    if (e.country && e.country !== r.country) return `alpha sender for ${e.country}, recipient in ${r.country}`;
  }
  return null;
}

/**
 * Scaler (SPEC 2.7): fewest in flight, then (Sticky Sender on) fewest
 * mappings, then least recently picked among equals (round robin whose state
 * lives in the pool), then pool order. No randomness.
 */
function scale(job: Job, cands: readonly PoolEntry[], channel: StickyChannel | null): PoolEntry {
  const { pool } = job;
  const useMappings = channel !== null && pool.settings.stickySender && job.ctx.sticky !== undefined;
  let best = cands[0]!;
  if (cands.length > 1) {
    const inFlight = pool.inFlight;
    const picked = pool.lastPicked;
    let bestLoad = inFlight[best.slot]!;
    let bestMaps = useMappings ? job.ctx.sticky!.mappingCount(channel, best.sender.id) : 0;
    let bestPicked = picked[best.slot]!;
    let equals = 1;
    for (let i = 1; i < cands.length; i++) {
      const e = cands[i]!;
      const load = inFlight[e.slot]!;
      if (load > bestLoad) continue;
      const maps = useMappings ? job.ctx.sticky!.mappingCount(channel, e.sender.id) : 0;
      if (load === bestLoad && maps > bestMaps) continue;
      if (load === bestLoad && maps === bestMaps) {
        equals++;
        if (picked[e.slot]! >= bestPicked) continue;
      } else equals = 1;
      best = e;
      bestLoad = load;
      bestMaps = maps;
      bestPicked = picked[e.slot]!;
    }
    job.note =
      `scaler: ${best.sender.id} of ${cands.length} (in flight ${bestLoad}${useMappings ? `, mappings ${bestMaps}` : ""}${equals > 1 ? `, round robin among ${equals}` : ""})`;
  }
  pool.markPicked(best);
  return best;
}

function smsOk(job: Job) {
  return (e: PoolEntry) => e.sms && (!job.needMms || e.mms);
}

/** Country Code Geomatch + Area Code Geomatch levels of one family, best first (SPEC 2.5, 2.6). */
function geoLevels(g: GeoIndex, job: Job): [string, PoolEntry[] | undefined][] {
  const { r } = job;
  const levels: [string, PoolEntry[] | undefined][] = [];
  const nanpDomestic = r.country === "US" || r.country === "CA";
  const acg = job.pool.settings.areaCodeGeomatch && nanpDomestic;
  if (acg && r.npa && !r.isTollFree) {
    levels.push([`same area code ${r.npa}`, g.byNpa.get(r.npa)]);
    levels.push([`overlay of ${r.npa}`, g.overlay.get(r.npa)]);
  }
  levels.push([`${r.country} number`, g.byCountry.get(r.country)]);
  if (acg) levels.push(["US/Canadian number", g.usCa]);
  if (r.country !== "US") levels.push([`US number, none in ${r.country}`, g.byCountry.get("US")]);
  levels.push(["any number", g.all]);
  return levels;
}

function firstLevel(levels: [string, PoolEntry[] | undefined][], ok: (e: PoolEntry) => boolean): [string, PoolEntry[]] | null {
  for (const [why, list] of levels) {
    if (!list || list.length === 0) continue;
    let out: PoolEntry[] | null = null;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (ok(e)) (out ??= []).push(e);
    }
    if (out) return [why, out];
  }
  return null;
}

function fallbackFor(job: Job, req: RoutingRequest): { fallback?: RoutingSender; error?: true } {
  const { trace, pool } = job;
  if (req.fallbackFrom) {
    const s = pool.byFrom(req.fallbackFrom)?.sender ?? job.ctx.accountSenders?.get(req.fallbackFrom);
    if (!s || !SMS_TYPES.has(s.type)) {
      trace.push(`fallback: FallbackFrom ${req.fallbackFrom} is not an SMS sender of this account`);
      return { error: true };
    }
    trace.push(`fallback: ${s.id} (FallbackFrom)`);
    return { fallback: s };
  }
  const sms = job.ix.smsCapable;
  if (sms.length === 1) {
    trace.push(`fallback: ${sms[0]!.sender.id} (the pool's only SMS sender)`);
    return { fallback: sms[0]!.sender };
  }
  trace.push(sms.length === 0 ? "fallback: none (no SMS sender in the pool)" : `fallback: none (${sms.length} SMS senders and no FallbackFrom)`);
  return {};
}

function success(job: Job, req: RoutingRequest, e: PoolEntry, channel: SendChannel, converted: boolean, extra: Partial<Extract<SelectResult, { ok: true }>> = {}): SelectResult {
  const out: Extract<SelectResult, { ok: true }> = {
    ok: true,
    sender: e.sender,
    channel,
    recipient: job.r,
    trace: job.trace,
    warnings: job.warnings,
    ...extra,
  };
  if (converted) out.converted = true;
  if (channel === "rcs") {
    const fb = fallbackFor(job, req);
    if (fb.error) return fail(21606, job.trace, job.warnings, job.r);
    if (fb.fallback) out.fallback = fb.fallback;
  } else if (req.fallbackFrom) job.trace.push("fallback: FallbackFrom ignored (not an RCS message)");
  return out;
}

function explicitFrom(job: Job, req: RoutingRequest, from: string, converted: boolean): SelectResult {
  const { r, trace, warnings, pool } = job;
  const inPool = pool.byFrom(from);
  const sender = inPool?.sender ?? job.ctx.accountSenders?.get(from);
  if (!sender) {
    trace.push(`explicit From: ${from} is not a sender of this account`);
    return fail(21606, trace, warnings, r);
  }
  const e = inPool ?? RoutingPool.entryFor(sender);
  let channel: SendChannel;
  let problem: string | null = null;
  if (r.channel === "whatsapp" || e.type === "whatsapp") {
    channel = "whatsapp";
    if (r.channel !== "whatsapp" || e.type !== "whatsapp") problem = "WhatsApp needs a WhatsApp sender and a whatsapp: recipient";
  } else if (e.type === "rcs") {
    channel = "rcs";
  } else if (r.channel === "rcs") {
    channel = "rcs";
    problem = "rcs: recipients need an RCS sender";
  } else {
    channel = job.needMms ? "mms" : "sms";
    const why = smsIneligibility(e, job);
    // Explicit From skips geomatch and the pool-wide alpha/short-code rule, not the hard limits.
    if (why === "not MMS-capable") {
      trace.push(`explicit From: ${sender.id} is not MMS-capable`);
      return fail(21621, trace, warnings, r);
    }
    if (why && (why.startsWith("short code of") || why.includes("does not support") || why.startsWith("alpha sender for"))) problem = why;
  }
  if (problem) {
    trace.push(`explicit From: ${sender.id} cannot send to ${r.e164}: ${problem}`);
    return fail(21606, trace, warnings, r);
  }
  trace.push(`explicit From: ${sender.id} (${from}), no automatic selection`);
  return success(job, req, e, channel, converted);
}

/**
 * Sender selection, SPEC section 2. Pure apart from the Scaler's round-robin
 * stamps kept in `pool`; sticky writes and removals are returned, not applied
 * (see applySelection).
 */
export function selectSender(pool: RoutingPool, req: RoutingRequest, ctx: SelectContext = {}): SelectResult {
  const trace: string[] = [];
  const warnings: RoutingWarning[] = [];
  const parsed = parseAddress(req.to);
  if (!parsed.ok) {
    trace.push(`to: ${req.to} is not a valid address`);
    return fail(21211, trace, warnings);
  }
  const r = parsed.address;
  if ((req.body?.length ?? 0) > MAX_BODY_CHARACTERS) {
    trace.push(`body: ${req.body!.length} characters, more than ${MAX_BODY_CHARACTERS}`);
    return fail(21617, trace, warnings, r);
  }
  const carrier: CarrierInfo = ctx.carrier ? { ...DEFAULT_CARRIER, ...ctx.carrier } : DEFAULT_CARRIER;
  const hasMedia = (req.mediaUrls?.length ?? 0) > 0;
  let converted = false;
  let needMms = false;
  if (hasMedia && r.channel === "sms") {
    if (carrier.mms) needMms = true;
    else if (pool.settings.mmsConverter) {
      converted = true;
      trace.push(`mms converter: carrier of ${r.e164} cannot receive MMS, sending SMS with media links`);
    } else {
      needMms = true;
      trace.push(`mms: carrier of ${r.e164} cannot receive MMS and MMS Converter is off, sending MMS anyway`);
    }
  }
  const job: Job = { pool, ix: pool.indexes(), r, carrier, needMms, trace, warnings, ctx, note: null };

  if (req.from !== undefined) return explicitFrom(job, req, req.from, converted);
  if (pool.size === 0) {
    trace.push("pool: no senders");
    return fail(21704, trace, warnings, r);
  }
  const { ix } = job;

  if (r.channel === "rcs") {
    let cands = ix.rcsByCountry.get(r.country);
    let why = `approved for ${r.country}`;
    if (!cands) {
      cands = ix.rcs;
      why = `none approved for ${r.country}, any RCS sender`;
    }
    if (cands.length === 0) {
      trace.push("channel rcs: no RCS sender in the pool");
      return fail(21703, trace, warnings, r);
    }
    const e = scale(job, cands, null);
    say(job, `channel rcs: ${e.sender.id} (${why})`);
    return success(job, req, e, "rcs", false);
  }

  const channel: StickyChannel = r.channel === "whatsapp" ? "whatsapp" : "sms";
  let stickyRemove: { channel: StickyChannel; recipient: string } | undefined;
  const stickyOn = pool.settings.stickySender;
  if (!stickyOn) trace.push("sticky: off (mappings kept, not used)");
  else {
    const mapped = ctx.sticky?.get(channel, r.e164);
    if (mapped === undefined) trace.push("sticky: no mapping");
    else {
      const e = pool.get(mapped);
      const why = !e ? "sender no longer in the pool" : channel === "whatsapp" ? (e.type === "whatsapp" ? null : "not a WhatsApp sender") : smsIneligibility(e, job);
      if (e && why === null) {
        trace.push(`sticky: ${r.e164} -> ${mapped} (mapping still valid)`);
        pool.markPicked(e);
        return success(job, req, e, channel === "whatsapp" ? "whatsapp" : needMms ? "mms" : "sms", converted);
      }
      trace.push(`sticky: removed ${r.e164} -> ${mapped} (${why})`);
      stickyRemove = { channel, recipient: r.e164 };
    }
  }

  const chosen = channel === "whatsapp" ? pickWhatsApp(job) : pickSms(job);
  if (!chosen) {
    trace.push(
      channel === "whatsapp"
        ? "channel whatsapp: no WhatsApp sender in the pool"
        : `no sender for ${r.country} (${needMms ? "MMS" : "SMS"})`,
    );
    return fail(21703, trace, warnings, r, stickyRemove ? { stickyRemove } : {});
  }
  const [e, sendChannel] = chosen;
  const extra: Partial<Extract<SelectResult, { ok: true }>> = stickyRemove ? { stickyRemove } : {};
  if (stickyOn && sendChannel !== "rcs") {
    extra.stickyWrite = { channel, recipient: r.e164, senderId: e.sender.id };
    trace.push(`sticky: mapped ${r.e164} -> ${e.sender.id}`);
  }
  return success(job, req, e, sendChannel, converted, extra);
}

function pickWhatsApp(job: Job): [PoolEntry, SendChannel] | null {
  const { ix, r } = job;
  let cands = ix.whatsappByCountry.get(r.country);
  let why = r.country;
  if (!cands) {
    cands = ix.whatsapp;
    why = `none in ${r.country}, any WhatsApp sender`;
  }
  if (cands.length === 0) return null;
  const e = scale(job, cands, "whatsapp");
  say(job, `channel whatsapp: ${e.sender.id} (${why})`);
  return [e, "whatsapp"];
}

function pickSms(job: Job): [PoolEntry, SendChannel] | null {
  const { ix, r, carrier, trace, needMms } = job;
  const smsChannel: SendChannel = needMms ? "mms" : "sms";

  // Tier 1: RCS.
  if (ix.rcs.length > 0) {
    if (!carrier.rcs) trace.push(`tier rcs: skipped, ${r.e164} is not RCS-capable`);
    else {
      const cands = ix.rcsByCountry.get(r.country);
      if (cands) {
        const e = scale(job, cands, null);
        say(job, `tier rcs: ${e.sender.id} (recipient RCS-capable, approved for ${r.country})`);
        return [e, "rcs"];
      }
      trace.push(`tier rcs: skipped, no RCS sender approved for ${r.country}`);
    }
  }

  // Tier 2: short code of the recipient's country, else short code reroute.
  const shorts = ix.shortByCountry.get(r.country);
  if (shorts) {
    const ok = shorts.filter(smsOk(job));
    if (ok.length === 0) trace.push(`tier short_code: skipped, no ${needMms ? "MMS" : "SMS"}-capable short code for ${r.country}`);
    else if (!carrier.shortCode) trace.push(`short code reroute: carrier of ${r.e164} takes no short codes`);
    else {
      const e = scale(job, ok, "sms");
      say(job, `tier short_code: ${e.sender.id} (${r.country}, carrier takes short codes)`);
      return [e, smsChannel];
    }
  } else if (ix.hasShortCodes) trace.push(`tier short_code: skipped, no short code for ${r.country}`);

  // Tier 3: alphanumeric sender ID; once chosen, no fallback to numbers.
  if (ix.hasAlpha) {
    const support = alphaSupportFor(r.country);
    if (needMms) trace.push("tier alpha: skipped, alphanumeric senders cannot send MMS");
    else if (support?.alphaSupported !== true)
      trace.push(`tier alpha: skipped, ${r.country} ${support?.alphaSupported === false ? "does not support" : "has unknown support for"} alphanumeric sender IDs`);
    else if (shorts) trace.push(`tier alpha: skipped, pool has a short code for ${r.country}`);
    else {
      const dest = ix.alphaByCountry.get(r.country);
      const cands = dest ?? (ix.alphaDefault.length > 0 ? ix.alphaDefault : null);
      if (!cands) trace.push(`tier alpha: skipped, no alpha sender for ${r.country}`);
      else {
        const e = scale(job, cands, "sms");
        say(job, `tier alpha: ${e.sender.id} (${dest ? `destination-specific for ${r.country}` : "service-wide"})`);
        const pre = support.preRegistration;
        if (pre === "required" || pre === "recommended") {
          const message = `${r.country} ${pre === "required" ? "requires" : "recommends"} pre-registering alphanumeric sender ID ${e.sender.address}`;
          job.warnings.push({ code: SENDER_ID_PREREGISTRATION, message });
          trace.push(`warning: ${message}`);
        }
        return [e, smsChannel];
      }
    }
  }

  // Tier 4: long codes and toll-free numbers (Canada: toll-free first).
  const ok = smsOk(job);
  if (r.country === "CA") {
    const tf = firstLevel(geoLevels(ix.tollFree, job).filter(([why]) => !why.startsWith("same area") && !why.startsWith("overlay")), ok);
    if (tf) {
      const e = scale(job, tf[1], "sms");
      say(job, `tier toll_free (Canada: toll-free first): ${e.sender.id} (${tf[0]})`);
      return [e, smsChannel];
    }
    const lc = firstLevel(geoLevels(ix.long, job), ok);
    if (lc) {
      const e = scale(job, lc[1], "sms");
      say(job, `tier long_code: ${e.sender.id} (${lc[0]})`);
      return [e, smsChannel];
    }
    return null;
  }
  const found = firstLevel(geoLevels(ix.phone, job), ok);
  if (!found) return null;
  const e = scale(job, found[1], "sms");
  say(job, `tier ${e.type}: ${e.sender.id} (${found[0]})`);
  return [e, smsChannel];
}
