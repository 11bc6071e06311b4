import type { DeliveryOutcome } from "@/lib/carriers/driver";
import { param, verifyUpstreamRequest } from "@/lib/carriers/http/verify-upstream-request";
import { applyCarrierReport } from "@/lib/carriers/runtime/settle-message";
import { apiHandler, noContent } from "@/lib/server/api/respond";

const FINAL: readonly string[] = ["delivered", "undelivered", "failed"] satisfies DeliveryOutcome[];

/**
 * POST /carriers/<CR>/StatusCallback: an HTTP upstream's status callback for
 * a message we sent through it (docs/carriers.md "HTTP upstream"). Final
 * statuses are that message's delivery report; the others change nothing.
 * The segment is named `carrierSid` like the console's /carriers/[carrierSid]
 * page (Next requires one name per dynamic path).
 */
export const POST = apiHandler(async (req, ctx: { params: Promise<{ carrierSid: string }> }) => {
  const { carrierSid } = await ctx.params;
  const { params } = await verifyUpstreamRequest(req, carrierSid);
  const status = param(params, "MessageStatus") ?? param(params, "SmsStatus") ?? "";
  const upstreamSid = param(params, "MessageSid") ?? param(params, "SmsSid");
  if (upstreamSid && FINAL.includes(status)) {
    const code = Number(param(params, "ErrorCode"));
    await applyCarrierReport(carrierSid, upstreamSid, { status: status as DeliveryOutcome, errorCode: status === "delivered" || !code ? null : code });
  }
  return noContent();
});
