import { db } from "@/lib/server/db/client";
import { observeWebhook } from "@/lib/server/observability/observe-messages";
import { isDatabaseUnavailable } from "@/lib/server/db/database-unavailable";
import { waitForDatabase } from "@/lib/server/db/wait-for-database";
import { decryptToken } from "@/lib/server/security/token-crypto";
import { postWebhook } from "@/lib/server/webhooks/post-webhook";
import type { WebhookParams } from "@/lib/server/webhooks/signature";
import { recordCallbackAttempt } from "./record-callback-attempt";

/** Thrown so the queue retries with its exponential backoff; the attempt is already recorded. */
export class CallbackFailed extends Error {}

/**
 * Delivers one status_callbacks row (docs/wire-contract.md "Webhook payloads" params). Each
 * attempt is recorded on the row; a non-2xx answer or a network error throws
 * so graphile-worker retries it (backoff exp(attempt) s, 12 attempts).
 * A row already delivered is not sent again (a retried job after a crash).
 * One job per row and one live job at a time (docs/reliability.md): a
 * repeat can only follow a crash between the POST and its bookkeeping,
 * and carries the same I-Twilio-Idempotency-Token (`<sid>:<status>`).
 */
export async function deliverStatusCallback(id: bigint): Promise<void> {
  const cb = await db.statusCallback.findUnique({
    where: { id },
    include: { message: { include: { account: { select: { authToken: true } } } } },
  });
  if (!cb || cb.deliveredAt) return;
  const m = cb.message;
  const params: WebhookParams = {
    MessageSid: m.sid,
    SmsSid: m.sid,
    MessageStatus: cb.status,
    SmsStatus: cb.status,
    AccountSid: m.accountSid,
    From: m.from ?? "",
    To: m.to,
    ApiVersion: "2010-04-01",
  };
  if (m.serviceSid) params.MessagingServiceSid = m.serviceSid;
  if ((cb.status === "failed" || cb.status === "undelivered") && m.errorCode !== null) params.ErrorCode = String(m.errorCode);
  const res = await postWebhook(cb.url, params, decryptToken(m.account.authToken));
  observeWebhook("status_callback", res.status);
  // The receiver has answered: losing this write to a database outage would post the callback again
  // (the job's retry), so it waits for the database instead (docs/reliability.md "Status callbacks").
  await recordCallbackAttempt({ id, res }).catch(async (err: unknown) => {
    if (!isDatabaseUnavailable(err) || !(await waitForDatabase())) throw err;
    await recordCallbackAttempt({ id, res });
  });
  if (!res.ok) throw new CallbackFailed(`status callback ${id} to ${cb.url} failed: ${res.status ?? res.snippet}`);
}
