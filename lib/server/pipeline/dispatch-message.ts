import type { CarrierDriver, CarrierMessage, SenderKind, SubmitResult } from "@/lib/carriers/driver";
import type { Message } from "@/lib/server/services/messages/message-columns";
import { errorMessageFor } from "@/lib/server/services/messages/message-errors";
import { parseRecipient } from "@/lib/server/services/messages/parse-recipient";
import { carrierContent } from "./carrier-content";
import { loadDispatchContext } from "./load-dispatch-context";
import { loadPool, loadSender, type PoolSender } from "./pool-cache";
import { reclaimLateSlot, reserveSlot, spacingMicros } from "./rate-slots";
import { recordRoutingOutcome } from "./record-routing-outcome";
import { routeMessage } from "./route-message";
import { writeSticky } from "./sticky-writes";
import { DELIVERY_REPORT_TASK } from "./task-names";
import { transitionMessage } from "./transition-message";

export interface DispatchPayload {
  sid: string;
  /** A send slot already reserved for this message (epoch ms), when the job was rescheduled to it. */
  slotAt?: number;
  senderSid?: string;
}

export interface DispatchDeps {
  driver: CarrierDriver;
  /** Re-run this dispatch at `runAt` (durably: a new job with the same key). */
  reschedule(payload: DispatchPayload, runAt: Date): Promise<void>;
}

/** A slot closer than this is waited for in-process; a later one reschedules the job. */
export const MAX_SLEEP_MS = 1_500;
/** A rescheduled job runs this much before its slot (covers the queue's poll interval), then sleeps. */
export const RESCHEDULE_LEAD_MS = 600;
/** A reserved slot missed by more than this is reclaimed (if still last) or replaced: late sends would bunch up. */
export const LATE_SLOT_MS = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toCarrierMessage(m: Message, sender: PoolSender | null, smartEncoding: boolean): CarrierMessage {
  return {
    sid: m.sid,
    accountSid: m.accountSid,
    from: m.from ?? sender?.address ?? "",
    senderKind: (sender?.kind ?? "long_code") as SenderKind,
    to: m.to,
    ...carrierContent(m, m.smartEncoded || smartEncoding),
  };
}

async function fail(sid: string, from: readonly string[], code: number, message?: string) {
  await transitionMessage(sid, from, "failed", { errorCode: code, errorMessage: message ?? errorMessageFor(code) });
}

/**
 * One dispatch attempt for one message. Safe to run again at any point (a
 * worker may die anywhere): every status change is a conditional UPDATE, and
 * a message found in `sending` is re-submitted under the same SID, which the
 * carrier de-duplicates.
 */
export async function dispatchMessage(payload: DispatchPayload, deps: DispatchDeps): Promise<void> {
  const ctx = await loadDispatchContext(payload.sid);
  if (!ctx) return; // deleted
  let m = ctx.message;
  const recipient = parseRecipient(m.to);
  if (!recipient) return;
  if (!["accepted", "scheduled", "queued", "sending"].includes(m.status)) return; // final, canceled or inbound

  const expiresAt = (m.sendAt ?? m.createdAt).getTime() + m.validityPeriod * 1000;
  let sender: PoolSender | null = null;

  if (m.status !== "sending") {
    if (Date.now() > expiresAt) return fail(m.sid, ["accepted", "scheduled", "queued"], 30036);
    // Checked again at dispatch: an opt-out received after create stops queued messages too.
    if (ctx.optedOut) return fail(m.sid, ["accepted", "scheduled", "queued"], 21610);

    if (m.senderSid) sender = await loadSender(m.accountSid, m.senderSid);
    if (!m.senderSid && m.serviceSid) {
      const pool = await loadPool(m.serviceSid);
      const capabilities = await deps.driver.capabilities(m.accountSid, m.to);
      const routed = routeMessage({
        serviceSid: m.serviceSid,
        sid: m.sid,
        smartEncoded: m.smartEncoded,
        settings: ctx.settings,
        pool,
        to: m.to,
        body: m.body,
        mediaUrls: m.mediaUrls,
        capabilities,
        stickySenderSid: ctx.stickySenderSid,
      });
      if (routed.stickyRemove) await writeSticky({ serviceSid: m.serviceSid, channel: routed.stickyRemove.channel, recipient: recipient.phoneNumber, senderSid: null });
      if (!routed.ok) return fail(m.sid, ["accepted", "scheduled"], routed.error.code, routed.error.message);
      sender = routed.sender;
      const queued = await transitionMessage(m.sid, ["accepted", "scheduled"], "queued", {
        from: sender.address,
        senderSid: sender.sid,
        routingTrace: routed.routingTrace,
      });
      if (!queued) return; // canceled meanwhile
      m = queued;
      await recordRoutingOutcome(m, routed);
      if (routed.stickyWrite) {
        // Written once the message is committed to this sender (SPEC 2.8: after the first send).
        await writeSticky({ serviceSid: m.serviceSid as string, channel: routed.stickyWrite.channel, recipient: recipient.phoneNumber, senderSid: routed.stickyWrite.senderSid });
      }
    } else if (m.status === "scheduled" || m.status === "accepted") {
      const queued = await transitionMessage(m.sid, ["accepted", "scheduled"], "queued");
      if (!queued) return;
      m = queued;
    }
  } else {
    // A previous attempt died after the hand-off began: it goes through the limiter again and is
    // re-submitted under the same SID (the carrier de-duplicates).
    sender = m.senderSid ? await loadSender(m.accountSid, m.senderSid) : null;
  }
  if (!sender) return fail(m.sid, ["queued"], 21606, "The sender of this message no longer exists.");

  // Everything the hand-off needs is ready before the slot: after it, only the carrier submit runs.
  const carrierMessage = toCarrierMessage(m, sender, ctx.smartEncoding);
  await deps.driver.prepare?.(carrierMessage);

  // Messages-per-second: reserve this sender's next slot (shared by all workers), wait for it,
  // and hand off only if we woke on time: a late hand-off could land next to the following slot's.
  const micros = spacingMicros(sender.kind as SenderKind, sender.mps);
  let usePayloadSlot = payload.slotAt !== undefined && payload.senderSid === sender.sid;
  for (;;) {
    const slot = usePayloadSlot && Date.now() <= (payload.slotAt as number) + LATE_SLOT_MS
      ? { at: payload.slotAt as number, waitMs: (payload.slotAt as number) - Date.now() }
      : await reserveSlot(sender.sid, micros);
    usePayloadSlot = false;
    if (m.status === "queued" && slot.at > expiresAt) return fail(m.sid, ["queued"], 30036);
    if (slot.waitMs > MAX_SLEEP_MS) {
      await deps.reschedule({ sid: m.sid, slotAt: slot.at, senderSid: sender.sid }, new Date(slot.at - RESCHEDULE_LEAD_MS));
      return;
    }
    if (m.status === "queued") {
      const sending = await transitionMessage(m.sid, ["queued"], "sending", { markSent: true });
      if (!sending) return; // canceled or taken by another worker
      m = sending;
    }
    const wait = slot.at - Date.now();
    if (wait > 0) await sleep(wait);
    const late = Date.now() - slot.at;
    if (late <= LATE_SLOT_MS || (await reclaimLateSlot(sender.sid, slot.at, micros))) break;
  }
  const result: SubmitResult = await deps.driver.submit(carrierMessage);

  if (!result.accepted) return fail(m.sid, ["sending"], result.errorCode, result.errorMessage);
  const known = result.report;
  if (!known) {
    await transitionMessage(m.sid, ["sending"], "sent");
    return;
  }
  // `sent` and what follows it commit in one statement: a worker killed in between would
  // otherwise leave the message in `sent` for ever. A report due now is applied at once
  // (sent, then its outcome, two events); a later one becomes a durable job.
  const { afterMs, ...report } = known;
  if (afterMs <= 0) {
    const failed = report.status !== "delivered";
    const code = report.errorCode ?? 30008;
    await transitionMessage(m.sid, ["sending"], ["sent", report.status], failed ? { errorCode: code, errorMessage: errorMessageFor(code) } : {});
    return;
  }
  await transitionMessage(m.sid, ["sending"], "sent", {
    job: { task: DELIVERY_REPORT_TASK, payload: { sid: m.sid, ...report }, runAt: new Date(Date.now() + afterMs), maxAttempts: 25 },
  });
}
