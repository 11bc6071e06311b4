import { twilioError } from "../errors";
import { inferSenderType } from "./infer-sender-type";
import type { IndexedSender } from "./pool";
import { chosen, fail, pickFrom, succeed, type Decision } from "./select-decision";
import { stickyLookup, stickyWriteFor } from "./select-sticky";
import type { ChosenSender, SelectRequest, SelectResult } from "./types";

/** The WhatsApp and RCS channels, and RCS's SMS fallback sender. */
export function selectWhatsapp(d: Decision): SelectResult {
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

export function selectRcsChannel(d: Decision, req: SelectRequest): SelectResult {
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

/** FallbackFrom (docs/product.md "FallbackFrom"): the given SMS sender, else the pool's only SMS-capable sender. */
export function withRcsFallback(d: Decision, s: IndexedSender, req: SelectRequest): SelectResult {
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
