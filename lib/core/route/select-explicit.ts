import { twilioError } from "../errors";
import { alphaEligibility } from "./alpha-eligibility";
import { inferSenderType } from "./infer-sender-type";
import { withRcsFallback } from "./select-channel";
import { addPreRegistrationWarning, chosen, fail, NO_MEDIA, planMedia, succeed, type Decision } from "./select-decision";
import type { SelectRequest, SelectResult } from "./types";
import { invalidReason } from "./validate-sender";

/** docs/product.md "Explicit From": explicit From, no automatic selection; the sender must belong to the account. */
export function selectExplicit(d: Decision, req: SelectRequest): SelectResult {
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
