import type { TaskList } from "graphile-worker";
import { applyDeliveryReport } from "@/lib/server/pipeline/apply-delivery-report";
import { db } from "@/lib/server/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-jobs";
import { messageOutcome, recordPartReport, type PartReport } from "./carrier-submissions";

/** graphile-worker task: settle a message whose last report beat dispatch's `sent` write. */
export const CARRIER_SETTLE_TASK = "carrier-settle";
/** graphile-worker task: settle messages whose reports were recorded but not applied (a kill in between). */
export const CARRIER_SETTLE_SWEEP_TASK = "carrier-settle-sweep";
/** Every minute, one job at a time across processes (docs/carriers.md "Delivery reports and parts"). */
export const CARRIER_SETTLE_CRONTAB = `* * * * * ${CARRIER_SETTLE_SWEEP_TASK} ?max=3&jobKey=${CARRIER_SETTLE_SWEEP_TASK}`;

/** Statuses before the hand-off is written: a report for such a message came before dispatch wrote `sent`. */
const NOT_YET_SENT = ["accepted", "scheduled", "queued", "sending"];

export type SettleResult = "open" | "applied" | "early" | "done";

/**
 * Applies the message's one final status once all its parts on the carrier
 * are final (docs/carriers.md "Delivery reports and parts"). The last report
 * can arrive between the carrier's acknowledgement and dispatch's `sent`
 * write: then the message is not `sent` yet and the result is "early".
 */
export async function settleMessage(messageSid: string, carrierSid: string): Promise<SettleResult> {
  const outcome = await messageOutcome(messageSid, carrierSid);
  if (!outcome) return "open";
  if (await applyDeliveryReport(messageSid, { status: outcome.status, errorCode: outcome.errorCode })) return "applied";
  const now = await db.message.findUnique({ where: { sid: messageSid }, select: { status: true } });
  // Dispatch's `sent` write can commit between the failed apply and this read (the SMPP fault test caught
  // messages left `sent` with every part delivered): the message is `sent` now, so apply again.
  if (now?.status === "sent" && (await applyDeliveryReport(messageSid, { status: outcome.status, errorCode: outcome.errorCode }))) return "applied";
  return NOT_YET_SENT.includes(now?.status ?? "") ? "early" : "done";
}

/** Settles now, or durably a little later when the report beat dispatch's write (the job retries until `sent` is there). */
export async function settleOrDefer(messageSid: string, carrierSid: string): Promise<SettleResult> {
  const r = await settleMessage(messageSid, carrierSid);
  if (r === "early") {
    await enqueueJob({ task: CARRIER_SETTLE_TASK, payload: { messageSid, carrierSid }, runAt: new Date(Date.now() + 500), maxAttempts: 12, jobKey: `carrier-settle:${messageSid}` });
  }
  return r;
}

/** One part's report by the carrier's id: recorded (or kept pending), then the message settled if that was its last open part. */
export async function applyCarrierReport(carrierSid: string, carrierMessageId: string, report: PartReport): Promise<{ messageSid: string | null; settled: SettleResult | null }> {
  const messageSid = await recordPartReport(carrierSid, carrierMessageId, report);
  if (!messageSid) return { messageSid: null, settled: null };
  return { messageSid, settled: await settleOrDefer(messageSid, carrierSid) };
}

/**
 * A report is recorded on its carrier_submissions row, then the message is
 * settled: two commits. A process killed between them leaves a message
 * `sent` with every part final, and no report will come again. This finds
 * such messages among the reports of the last two hours (older than a few
 * seconds, so the live path has had its turn) and settles them; settling is
 * idempotent, so a race with the live path is harmless. Answers how many.
 */
export async function sweepUnsettledReports(limit = 500): Promise<number> {
  const rows = await db.$queryRaw<{ message_sid: string; carrier_sid: string }[]>`
    SELECT s.message_sid, s.carrier_sid
      FROM carrier_submissions s JOIN messages m ON m.sid = s.message_sid
     WHERE s.reported_at > now() - interval '2 hours' AND s.reported_at < now() - interval '3 seconds'
       -- Only the carrier that took the message (written with 'sent'): a carrier it failed over from
       -- has final (failed) rows too, and must not settle it.
       AND m.status = 'sent' AND s.carrier_sid = m.carrier_sid
       AND NOT EXISTS (SELECT 1 FROM carrier_submissions o
                        WHERE o.message_sid = s.message_sid AND o.carrier_sid = s.carrier_sid AND o.status IN ('submitting', 'submitted'))
     GROUP BY s.message_sid, s.carrier_sid
     LIMIT ${limit}`;
  let settled = 0;
  for (const r of rows) if ((await settleMessage(r.message_sid, r.carrier_sid)) === "applied") settled++;
  return settled;
}

export const carrierTasks: TaskList = {
  [CARRIER_SETTLE_SWEEP_TASK]: async () => {
    await sweepUnsettledReports();
  },
  [CARRIER_SETTLE_TASK]: async (payload) => {
    const { messageSid, carrierSid } = payload as { messageSid: string; carrierSid: string };
    // Throwing makes graphile-worker retry with backoff until dispatch has written `sent`.
    if ((await settleMessage(messageSid, carrierSid)) === "early") throw new Error(`message ${messageSid} not handed off yet`);
  },
};
