import { alphaEligibility } from "./alpha-eligibility";
import type { IndexedSender } from "./pool";
import { addPreRegistrationWarning, type Decision } from "./select-decision";
import type { SelectSuccess, StickyChannel } from "./types";
import { invalidReason } from "./validate-sender";

/** Sticky Sender: the recipient's mapping, read before selection and written after it (docs/routing.md). */
/** The recipient's mapping, when usable; otherwise selection runs as if there were none. */
export function stickyLookup(d: Decision, channel: StickyChannel, needMedia: boolean): IndexedSender | undefined {
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

export function stickyWriteFor(d: Decision, channel: StickyChannel, s: IndexedSender): Partial<SelectSuccess> | undefined {
  if (!d.ctx.settings.stickySender) return undefined;
  // A mapping skipped only for this message (MMS) stays as it is.
  if (!d.stickyDelete && d.ctx.sticky?.get(channel, d.to.e164) !== undefined) return undefined;
  d.trace.push(`sticky: mapped ${d.to.e164} -> ${s.id}`);
  return { stickyWrite: { channel, recipient: d.to.e164, senderId: s.id } };
}
