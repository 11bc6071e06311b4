import type { DeliveryReport } from "@/lib/carriers/driver";
import { errorMessageFor } from "@/lib/core/errors";
import { transitionMessage } from "@/lib/server/message-state/transition-message";

/** A carrier's final word on a sent message (only `sent` moves; a duplicate report changes nothing). */
export async function applyDeliveryReport(sid: string, report: DeliveryReport) {
  const failed = report.status !== "delivered";
  return transitionMessage(sid, ["sent"], report.status, failed ? { errorCode: report.errorCode ?? 30008, errorMessage: errorMessageFor(report.errorCode ?? 30008) } : {});
}
