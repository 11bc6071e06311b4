import type { CarrierDriver, CarrierMessage, DeliveryReport, SenderKind, SubmitResult } from "@/lib/carriers/driver";
import { encodeBody } from "@/lib/core/encoding/encode-body";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Message } from "@/lib/server/services/messages/message-columns";
import { db } from "@/lib/server/db/client";
import { errorMessageFor } from "@/lib/server/services/messages/message-errors";
import { parseRecipient } from "@/lib/server/services/messages/parse-recipient";
import { applyDeliveryReport } from "./apply-delivery-report";
import { loadDispatchContext } from "./load-dispatch-context";
import { loadPool, loadSender, type PoolSender } from "./pool-cache";
import { reserveSlot, spacingMicros } from "./rate-slots";
import { routeMessage } from "./route-message";
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
  /** Apply a carrier delivery report later (durably). */
  scheduleReport(sid: string, report: DeliveryReport, runAt: Date): Promise<void>;
}

/** A slot closer than this is waited for in-process; a later one reschedules the job. */
export const MAX_SLEEP_MS = 1_500;
/** A rescheduled job runs this much before its slot (covers the queue's poll interval), then sleeps. */
export const RESCHEDULE_LEAD_MS = 600;
/** A reserved slot missed by more than this is abandoned and a new one reserved (late sends would bunch up). */
export const LATE_SLOT_MS = 15;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toCarrierMessage(m: Message, sender: PoolSender | null, smartEncoding: boolean): CarrierMessage {
  return {
    sid: m.sid,
    accountSid: m.accountSid,
    from: m.from ?? sender?.address ?? "",
    senderKind: (sender?.kind ?? "long_code") as SenderKind,
    to: m.to,
    body: encodeBody(m.body, { smartEncoding: m.smartEncoded || smartEncoding }).body,
    mediaUrls: m.mediaUrls,
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
  const probe = await db.message.findUnique({ where: { sid: payload.sid }, select: { to: true } });
  if (!probe) return; // deleted
  const recipient = parseRecipient(probe.to);
  const channel = recipient?.channel === "whatsapp" ? "whatsapp" : "sms";
  const ctx = await loadDispatchContext(payload.sid, channel);
  if (!ctx || !recipient) return;
  let m = ctx.message;
  if (!["accepted", "scheduled", "queued", "sending"].includes(m.status)) return; // final, canceled or inbound

  const expiresAt = (m.sendAt ?? m.createdAt).getTime() + m.validityPeriod * 1000;
  let sender: PoolSender | null = null;
  let result: SubmitResult;

  if (m.status !== "sending") {
    if (Date.now() > expiresAt) return fail(m.sid, ["accepted", "scheduled", "queued"], 30036);
    // Checked again at dispatch: an opt-out received after create stops queued messages too.
    if (ctx.optedOut) return fail(m.sid, ["accepted", "scheduled", "queued"], 21610);

    if (m.senderSid) sender = await loadSender(m.accountSid, m.senderSid);
    if (!m.senderSid && m.serviceSid) {
      const pool = await loadPool(m.serviceSid);
      const capabilities = await deps.driver.capabilities(m.accountSid, m.to);
      const routed = routeMessage({ pool, recipient, hasMedia: m.mediaUrls.length > 0, capabilities, stickySenderSid: ctx.stickySenderSid });
      if (!routed.ok) return fail(m.sid, ["accepted", "scheduled"], routed.error.code, routed.error.message);
      sender = routed.sender;
      const queued = await transitionMessage(m.sid, ["accepted", "scheduled"], "queued", {
        from: sender.address,
        senderSid: sender.sid,
        routingTrace: { trace: routed.trace, warnings: routed.warnings },
      });
      if (!queued) return; // canceled meanwhile
      m = queued;
      if (ctx.stickySender && (recipient.channel === "sms" || recipient.channel === "whatsapp") && ctx.stickySenderSid !== sender.sid) {
        // Written at routing time (after the first send is committed to this sender); re-routing overwrites it.
        await db.$executeRaw(Prisma.sql`
          INSERT INTO sticky_mappings (service_sid, channel, recipient, sender_sid, created_at, updated_at)
          VALUES (${m.serviceSid}, ${channel}, ${m.to}, ${sender.sid}, now(), now())
          ON CONFLICT (service_sid, channel, recipient) DO UPDATE SET sender_sid = EXCLUDED.sender_sid, updated_at = now()`);
      }
    } else if (m.status === "scheduled" || m.status === "accepted") {
      const queued = await transitionMessage(m.sid, ["accepted", "scheduled"], "queued");
      if (!queued) return;
      m = queued;
    }
    if (!sender) return fail(m.sid, ["queued"], 21606, "The sender of this message no longer exists.");

    // Everything the hand-off needs is ready before the slot: after it, only two statements run.
    const carrierMessage = toCarrierMessage(m, sender, ctx.smartEncoding);
    await deps.driver.prepare?.(carrierMessage);

    // Messages-per-second: reserve this sender's next slot (shared by all workers).
    const micros = spacingMicros(sender.kind as SenderKind, sender.mps);
    const slot = payload.slotAt !== undefined && payload.senderSid === sender.sid && Date.now() <= payload.slotAt + LATE_SLOT_MS
      ? { at: payload.slotAt, waitMs: payload.slotAt - Date.now() }
      : await reserveSlot(sender.sid, micros);
    if (slot.at > expiresAt) return fail(m.sid, ["queued"], 30036);
    if (slot.waitMs > MAX_SLEEP_MS) {
      await deps.reschedule({ sid: m.sid, slotAt: slot.at, senderSid: sender.sid }, new Date(slot.at - RESCHEDULE_LEAD_MS));
      return;
    }
    if (slot.waitMs > 0) await sleep(slot.waitMs);

    const sending = await transitionMessage(m.sid, ["queued"], "sending", { markSent: true });
    if (!sending) return; // canceled or taken by another worker
    result = await deps.driver.submit(carrierMessage);
  } else {
    // A previous attempt died after the hand-off began: submit again under the same SID (the carrier de-duplicates).
    sender = m.senderSid ? await loadSender(m.accountSid, m.senderSid) : null;
    result = await deps.driver.submit(toCarrierMessage(m, sender, ctx.smartEncoding));
  }

  if (!result.accepted) return fail(m.sid, ["sending"], result.errorCode, result.errorMessage);
  const sent = await transitionMessage(m.sid, ["sending"], "sent");
  if (!sent || !result.report) return;
  const { afterMs, ...report } = result.report;
  if (afterMs <= 0) await applyDeliveryReport(m.sid, report);
  else await deps.scheduleReport(m.sid, report, new Date(Date.now() + afterMs));
}
