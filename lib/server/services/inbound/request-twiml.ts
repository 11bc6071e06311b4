import type { WebhookTarget } from "@/lib/core/twiml/inbound-target";
import { urlWithParams } from "@/lib/core/twiml/webhook-params";
import { observeWebhook } from "@/lib/server/observability/observe-messages";
import { describeOutboundError, safeFetch } from "@/lib/server/security/safe-fetch";
import { twilioSignature } from "@/lib/server/webhooks/signature";
import { config } from "@/lib/server/config";

export interface TwimlAnswer {
  /** 2xx. */
  ok: boolean;
  /** HTTP status, or null when no answer came (connection refused, DNS, timeout). */
  status: number | null;
  /** The answer's body (TwiML), up to MAX_BODY characters; the network error when status is null. */
  body: string;
}

/** Twilio's messaging webhook timeout. */
/** Ten <Message>s of 1,600 characters and their markup fit comfortably. */
const MAX_BODY = 64 * 1024;

function timeoutMs(): number {
  return config().INBOUND_WEBHOOK_TIMEOUT_MS;
}

/**
 * Asks the application for TwiML about an inbound message, as Twilio does:
 * POST with form-encoded params, or GET with them in the query string; signed
 * with X-Twilio-Signature over the URL requested (+ the POST params), keyed
 * by the account's auth token. Never throws: failures come back as ok=false.
 * Redirects are not followed (a 3xx is a failed request, like any non-2xx).
 */
export async function requestTwiml(target: WebhookTarget, params: Record<string, string>, authToken: string, idempotencyToken: string): Promise<TwimlAnswer> {
  const url = target.method === "GET" ? urlWithParams(target.url, params) : target.url;
  const headers: Record<string, string> = {
    "x-twilio-signature": target.method === "GET" ? twilioSignature(authToken, url) : twilioSignature(authToken, url, params),
    "user-agent": "TwilioProxy/1.1 (Switchyard)",
    accept: "*/*",
    // Lets the application recognise a request repeated after a timeout or crash.
    "i-twilio-idempotency-token": idempotencyToken,
  };
  let body: string | undefined;
  if (target.method === "POST") {
    headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8";
    body = new URLSearchParams(params).toString();
  }
  try {
    // safeFetch refuses internal addresses (docs/security.md "Outgoing requests").
    const res = await safeFetch(url, { method: target.method, headers, body, timeoutMs: timeoutMs(), maxBodyBytes: MAX_BODY });
    observeWebhook("inbound_twiml", res.status);
    return { ok: res.status >= 200 && res.status < 300, status: res.status, body: res.body.slice(0, MAX_BODY) };
  } catch (err) {
    observeWebhook("inbound_twiml", null);
    return { ok: false, status: null, body: describeOutboundError(err) };
  }
}
