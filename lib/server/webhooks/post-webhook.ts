import { twilioSignature, type WebhookParams } from "./signature";

export interface WebhookResponse {
  ok: boolean;
  status: number | null;
  /** First 512 characters of the response body, or the network error. */
  snippet: string;
}

const TIMEOUT_MS = 10_000;

/** POSTs form-encoded params, signed with X-Twilio-Signature; never throws (network errors come back as ok: false). */
export async function postWebhook(url: string, params: WebhookParams, authToken: string): Promise<WebhookResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        "x-twilio-signature": twilioSignature(authToken, url, params),
        "user-agent": "TwilioProxy/1.1 (Switchyard)",
        "i-twilio-idempotency-token": String(params.MessageSid ?? "") + ":" + String(params.MessageStatus ?? ""),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text().catch(() => "");
    return { ok: res.status >= 200 && res.status < 300, status: res.status, snippet: text.slice(0, 512) };
  } catch (err) {
    return { ok: false, status: null, snippet: String((err as Error).message ?? err).slice(0, 512) };
  }
}
