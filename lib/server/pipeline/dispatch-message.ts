import type { CarrierDriver, CarrierMessage, SubmitResult } from "@/lib/carriers/driver";
import { UNREGISTERED_10DLC_ERROR, unregistered10dlc } from "@/lib/server/services/compliance/check-10dlc-registration";
import type { Message } from "@/lib/server/message-state/message-columns";
import { errorMessageFor } from "@/lib/core/errors";
import { parseRecipient } from "@/lib/server/services/messages/parse-recipient";
import { carrierContent } from "./carrier-content";
import { loadDispatchContext } from "./load-dispatch-context";
import { loadPool, loadSender, type PoolSender } from "./pool-cache";
import { currentStatus } from "./current-status";
import { beginAttempt, claimHandOff, recordFailedRecovery, releaseClaim, takeOverClaim } from "./claim-hand-off";
import { reclaimLateSlot, reserveSlot, spacingMicros } from "./rate-slots";
import { recordRoutingOutcome } from "./record-routing-outcome";
import { routeMessage, type RouteResult } from "./route-message";
import { writeSticky } from "./sticky-writes";
import { DELIVERY_REPORT_TASK } from "@/lib/server/jobs/task-names";
import { transitionMessage, type TransitionExtras } from "@/lib/server/message-state/transition-message";

export interface DispatchPayload {
  sid: string;
  /** A send slot already reserved for this message (epoch ms), when the job was rescheduled to it. */
  slotAt?: number;
  senderSid?: string;
}

/** The queue job running this attempt: a message has one live dispatch job (docs/reliability.md). */
export interface DispatchRun {
  jobId: string;
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
/** The carrier's answer is unknown: the hand-off was interrupted and the driver cannot take the SID twice. */
export const HAND_OFF_INTERRUPTED = 30008;

/** Another process's attempt may still hand this message off: the job fails and is retried later. */
export class HandOffBusy extends Error {}

type Routed = Extract<RouteResult, { ok: true }>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toCarrierMessage(m: Message, sender: PoolSender | null, smartEncoding: boolean): CarrierMessage {
  return {
    sid: m.sid,
    accountSid: m.accountSid,
    from: m.from ?? sender?.address ?? "",
    senderKind: sender?.kind ?? "long_code",
    to: m.to,
    senderSid: sender?.sid,
    ...carrierContent(m, m.smartEncoded || smartEncoding),
  };
}

/** The stored routing trace ({trace, warnings, ...}, or none for a From send) with the carrier's lines appended. */
function withCarrierTrace(stored: unknown, lines: string[]): unknown {
  const base = stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as { trace?: unknown }) : {};
  const trace = Array.isArray(base.trace) ? base.trace : [];
  return { warnings: [], ...base, trace: [...trace, ...lines] };
}

async function fail(sid: string, from: readonly string[], code: number, message?: string, routingTrace?: unknown) {
  await transitionMessage(sid, from, "failed", { errorCode: code, errorMessage: message ?? errorMessageFor(code), routingTrace });
}

/**
 * One dispatch attempt for one message. Safe to run again at any point (a
 * worker may die anywhere): every status change is a conditional UPDATE;
 * right before the submit the attempt claims the hand-off (claim-hand-off.ts),
 * which only one attempt passes; the statuses of a hand-off (queued,
 * sending, sent and a report due now) are written after it in one
 * statement. An attempt that finds a claim whose attempt is over without an
 * outcome applies the driver's crash rule (resubmitAfterCrash: hand the same
 * SID off again, or fail 30008; docs/reliability.md). A message that must
 * wait more than MAX_SLEEP_MS for its slot is written `queued` and
 * rescheduled to a job of its own, which then owns it.
 */
export async function dispatchMessage(payload: DispatchPayload, deps: DispatchDeps, run?: DispatchRun): Promise<void> {
  const attempt = beginAttempt();
  try {
    await dispatchAttempt(payload, deps, attempt.token, run);
  } finally {
    attempt.end();
  }
}

async function dispatchAttempt(payload: DispatchPayload, deps: DispatchDeps, token: string, run?: DispatchRun): Promise<void> {
  const ctx = await loadDispatchContext(payload.sid);
  if (!ctx) return; // deleted
  // One live job per message: once a message has its own keyed job (SendAt, or rescheduled to its rate slot),
  // that job owns it, and any other job (the create's batch job or an earlier keyed one, re-run after a crash)
  // leaves it alone. Without a queue job (a direct call) the caller owns it.
  if (run && ctx.keyedJobId !== null && ctx.keyedJobId !== run.jobId) return;
  const m = ctx.message;
  const recipient = parseRecipient(m.to);
  if (!recipient) return;
  if (!["accepted", "scheduled", "queued", "sending"].includes(m.status)) return; // final, canceled or inbound

  const expiresAt = (m.sendAt ?? m.createdAt).getTime() + m.validityPeriod * 1000;
  let sender: PoolSender | null = null;
  // Not yet queued: `queued` (with the routing outcome) is written with the hand-off's other
  // statuses after the submit, or alone when the slot is far and the job is rescheduled.
  let toQueue: { extras: TransitionExtras; routed: Routed | null } | null = null;
  let routedAt = new Date();

  if (m.status !== "sending") {
    if (Date.now() > expiresAt) return fail(m.sid, ["accepted", "scheduled", "queued"], 30036);
    // Checked again at dispatch: an opt-out received after create stops queued messages too.
    if (ctx.optedOut) return fail(m.sid, ["accepted", "scheduled", "queued"], 21610);

    if (m.senderSid) sender = await loadSender(m.accountSid, m.senderSid);
    // A service message is routed once, before it is queued: from the pool, or checked against its
    // explicit From (a queued one was routed before it was rescheduled to its slot).
    if (m.serviceSid && (m.status === "accepted" || m.status === "scheduled") && (sender || !m.senderSid)) {
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
        fallbackFrom: m.fallbackFrom ?? undefined,
        explicitFrom: sender ?? undefined,
      });
      if (routed.stickyRemove) await writeSticky({ serviceSid: m.serviceSid, channel: routed.stickyRemove.channel, recipient: recipient.phoneNumber, senderSid: null });
      // A routing failure keeps its trace: it is what says why no sender could take the message.
      if (!routed.ok) return fail(m.sid, ["accepted", "scheduled"], routed.error.code, routed.error.message, { trace: routed.trace, warnings: [] });
      sender = routed.sender;
      // US A2P 10DLC registration (docs/api.md "A2P 10DLC"): a separate check, owned by the compliance service.
      if (await unregistered10dlc(m.serviceSid, sender, m.to)) return fail(m.sid, ["accepted", "scheduled"], UNREGISTERED_10DLC_ERROR);
      toQueue = { extras: { from: sender.address, senderSid: sender.sid, routingTrace: routed.routingTrace }, routed };
      routedAt = new Date();
    } else if (m.status === "scheduled" || m.status === "accepted") {
      toQueue = { extras: {}, routed: null };
    }
  } else {
    // A previous attempt died after the hand-off began: it goes through the limiter again and is
    // re-submitted under the same SID (the carrier de-duplicates).
    sender = m.senderSid ? await loadSender(m.accountSid, m.senderSid) : null;
  }
  if (!sender) return fail(m.sid, toQueue ? ["accepted", "scheduled"] : ["queued"], 21606, "The sender of this message no longer exists.");

  /** After the queued transition committed: routing alerts and counts, then the sticky mapping (docs/product.md "Sticky Sender": after the first send). */
  const afterQueued = async (queued: Message, routed: Routed | null) => {
    if (!routed) return;
    await recordRoutingOutcome(queued, routed);
    if (routed.stickyWrite) {
      await writeSticky({ serviceSid: queued.serviceSid as string, channel: routed.stickyWrite.channel, recipient: recipient.phoneNumber, senderSid: routed.stickyWrite.senderSid });
    }
  };

  // Everything the hand-off needs is ready before the slot: after it, only the carrier submit runs.
  // Built as the message will be once queued (the routing trace carries the planned content).
  const carrierMessage = toCarrierMessage(toQueue ? { ...m, routingTrace: toQueue.extras.routingTrace ?? m.routingTrace } : m, sender, ctx.smartEncoding);
  await deps.driver.prepare?.(carrierMessage);

  // Messages-per-second: reserve this sender's next slot (shared by all workers), wait for it,
  // and hand off only if we woke on time: a late hand-off could land next to the following slot's.
  const micros = spacingMicros(sender.kind, sender.mps);
  // The statuses this attempt expects the message in until its hand-off is written (a cancel or STOP changes it).
  const expected = toQueue ? ["accepted", "scheduled"] : [m.status];
  let claimed = false;
  let usePayloadSlot = payload.slotAt !== undefined && payload.senderSid === sender.sid;
  for (;;) {
    if (!claimed) {
      // The hand-off's guard, claimed before the slot is reserved (its commit must not make the hand-off
      // late for its slot): only one attempt may hand a message off.
      const claim = await claimHandOff(m.sid, token, expected);
      if (claim.state === "moved") return;
      // Two live attempts for one message should not happen (one live job per message); if they do, the guard
      // holds, and this job fails to be retried later: the holder may still end without an outcome (its own job
      // already failed by a pool shutting down), and the message must not be left without a job.
      if (claim.state === "busy") throw new HandOffBusy(`message ${m.sid}: another attempt holds its hand-off`);
      if (claim.state === "taken") {
        // An earlier attempt claimed it and wrote no answer: it died around its submit (its job is not live, or
        // we would not run). The driver says whether the carrier can take the SID again.
        if (!(await deps.driver.resubmitAfterCrash(carrierMessage))) {
          await recordFailedRecovery(m.sid, claim.holder, deps.driver.name);
          await transitionMessage(m.sid, expected, toQueue ? ["queued", "sending", "failed"] : m.status === "queued" ? ["sending", "failed"] : ["failed"], {
            ...toQueue?.extras,
            errorCode: HAND_OFF_INTERRUPTED,
            errorMessage: "The hand-off to the carrier was interrupted; it was not repeated because this carrier could deliver it twice.",
          });
          return;
        }
        if (!(await takeOverClaim(m.sid, claim.holder, token, deps.driver.name))) return; // another attempt took it over first
      }
      claimed = true;
    }
    const slot = usePayloadSlot && Date.now() <= (payload.slotAt as number) + LATE_SLOT_MS
      ? { at: payload.slotAt as number, waitMs: (payload.slotAt as number) - Date.now() }
      : await reserveSlot(sender.sid, micros);
    usePayloadSlot = false;
    if (m.status !== "sending" && slot.at > expiresAt) return fail(m.sid, [m.status], 30036);
    if (slot.waitMs > MAX_SLEEP_MS) {
      if (claimed) await releaseClaim(m.sid, token); // no hand-off now: the rescheduled job claims it afresh
      if (toQueue) {
        // Waits in the queue for its slot: queued now, sending when the rescheduled job runs.
        const queued = await transitionMessage(m.sid, ["accepted", "scheduled"], "queued", toQueue.extras);
        if (!queued) return; // canceled meanwhile
        await afterQueued(queued, toQueue.routed);
      }
      await deps.reschedule({ sid: m.sid, slotAt: slot.at, senderSid: sender.sid }, new Date(slot.at - RESCHEDULE_LEAD_MS));
      return;
    }
    const wait = slot.at - Date.now();
    if (wait > 0) await sleep(wait);
    // Last look before the hand-off: a STOP (21610) or a cancel may have landed while we waited.
    if (!expected.includes((await currentStatus(m.sid)) ?? "")) return;
    // Lateness is measured after that read, right before the submit: the carrier sees the
    // hand-off at most LATE_SLOT_MS after the slot, which the slots' SAFETY_MS margin absorbs.
    if (Date.now() - slot.at <= LATE_SLOT_MS) break;
    const reclaimedAt = await reclaimLateSlot(sender.sid, slot.at, micros);
    if (reclaimedAt !== null && Date.now() - reclaimedAt <= LATE_SLOT_MS) break;
  }
  const handOffAt = new Date();
  const result: SubmitResult = await deps.driver.submit(carrierMessage);

  // Everything the attempt did is written after the hand-off, in ONE conditional row update:
  // queued (at routing time), sending (at the hand-off), sent and a report due now, or failed.
  // A worker killed before it leaves its claim, and the next attempt applies the driver's crash
  // rule (resubmitAfterCrash); one update instead of two per message is what lets the pipeline keep up.
  const passed = toQueue ? ["queued", "sending"] : m.status === "queued" ? ["sending"] : [];
  const passedAt = toQueue ? [routedAt, handOffAt] : m.status === "queued" ? [handOffAt] : [];
  // The carrier decision (docs/carriers.md) joins the routing trace; the carrier is stored on the message.
  const carrierExtras: TransitionExtras = result.carrier ? { carrierSid: result.carrier.carrierSid, routingTrace: withCarrierTrace(toQueue?.extras.routingTrace ?? m.routingTrace, result.carrier.trace) } : {};
  const step = async (after: string[], extras: TransitionExtras = {}) => {
    const done = await transitionMessage(m.sid, expected, [...passed, ...after], { ...toQueue?.extras, ...carrierExtras, markSent: passed.includes("sending"), times: passedAt, ...extras });
    if (done && toQueue) await afterQueued(done, toQueue.routed);
  };
  if (!result.accepted) return step(["failed"], { errorCode: result.errorCode, errorMessage: result.errorMessage ?? errorMessageFor(result.errorCode) });
  const known = result.report;
  if (!known) return step(["sent"]);
  // A report due now is applied at once (sent, then its outcome); a later one becomes a durable job,
  // enqueued only if the update happens.
  const { afterMs, ...report } = known;
  if (afterMs <= 0) {
    const failed = report.status !== "delivered";
    const code = report.errorCode ?? 30008;
    return step(["sent", report.status], failed ? { errorCode: code, errorMessage: errorMessageFor(code) } : {});
  }
  return step(["sent"], { job: { task: DELIVERY_REPORT_TASK, payload: { sid: m.sid, ...report }, runAt: new Date(Date.now() + afterMs), maxAttempts: 25 } });
}
