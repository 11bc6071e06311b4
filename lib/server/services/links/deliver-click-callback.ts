import { db } from "@/lib/server/db/client";
import { observeWebhook } from "@/lib/server/observability/observe-messages";
import { decryptToken } from "@/lib/server/security/token-crypto";
import { describeOutboundError, safeFetch } from "@/lib/server/security/safe-fetch";
import { twilioSignature, type WebhookParams } from "@/lib/server/webhooks/signature";

export class ClickCallbackFailed extends Error {}

/** The click event (docs/product.md "Link Shortening" fields), form-encoded so X-Twilio-Signature covers every field. */
export function clickEventParams(c: {
  messageSid: string;
  to: string;
  from: string | null;
  link: string;
  clickedAt: Date;
  serviceSid: string;
  accountSid: string;
  userAgent: string;
}): WebhookParams {
  return {
    event_type: "click",
    sms_sid: c.messageSid,
    to: c.to,
    from: c.from ?? "",
    link: c.link,
    click_time: c.clickedAt.toISOString(),
    messaging_service_sid: c.serviceSid,
    account_sid: c.accountSid,
    user_agent: c.userAgent,
  };
}

/**
 * Delivers one click's event to the callback URL captured at click time,
 * signed with the account's auth token. Every attempt is recorded on the
 * click; a failure throws so graphile-worker retries with backoff (12
 * attempts). A delivered click is not sent again (once per click).
 */
export async function deliverClickCallback(id: bigint): Promise<void> {
  const click = await db.linkClick.findUnique({ where: { id }, include: { link: true } });
  if (!click || !click.callbackUrl || click.callbackDeliveredAt) return;
  const [message, account] = await Promise.all([
    db.message.findUnique({ where: { sid: click.messageSid }, select: { from: true, to: true } }),
    db.account.findUnique({ where: { sid: click.accountSid }, select: { authToken: true } }),
  ]);
  if (!account) return;
  const params = clickEventParams({
    messageSid: click.messageSid,
    to: message?.to ?? click.link.recipient,
    from: message?.from ?? null,
    link: click.link.originalUrl,
    clickedAt: click.clickedAt,
    serviceSid: click.serviceSid,
    accountSid: click.accountSid,
    userAgent: click.userAgent,
  });
  const url = click.callbackUrl;
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await safeFetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        "x-twilio-signature": twilioSignature(decryptToken(account.authToken), url, params),
        "user-agent": "TwilioProxy/1.1 (Switchyard)",
        "i-twilio-idempotency-token": `click-${id}`,
      },
      body: new URLSearchParams(params as Record<string, string>).toString(),
      timeoutMs: 10_000,
      maxBodyBytes: 1024,
    });
    status = res.status;
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status} after ${res.durationMs} ms`;
  } catch (err) {
    error = describeOutboundError(err);
  }
  observeWebhook("click_callback", status);
  await db.linkClick.update({
    where: { id },
    data: { callbackAttempts: { increment: 1 }, callbackStatus: status, callbackError: error, callbackDeliveredAt: error ? null : new Date() },
  });
  if (error) throw new ClickCallbackFailed(`click callback ${id} to ${url} failed: ${error}`);
}
