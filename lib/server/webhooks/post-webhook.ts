import { describeOutboundError, excerpt, safeFetch } from "@/lib/server/security/safe-fetch";
import { twilioSignature, type WebhookParams } from "./signature";

export interface WebhookResponse {
  ok: boolean;
  status: number | null;
  /**
   * What may be stored and shown (docs/security.md "Outgoing requests"):
   * a short, control-stripped excerpt of the answer, or a coarse reason
   * (refused, timed out, connection failed) when no answer came.
   */
  snippet: string;
  durationMs: number | null;
}

const TIMEOUT_MS = 10_000;

/** POSTs form-encoded params, signed with X-Twilio-Signature, through safeFetch; never throws (failures come back as ok: false). */
export async function postWebhook(url: string, params: WebhookParams, authToken: string): Promise<WebhookResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  try {
    const res = await safeFetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        "x-twilio-signature": twilioSignature(authToken, url, params),
        "user-agent": "TwilioProxy/1.1 (Switchyard)",
        "i-twilio-idempotency-token": String(params.MessageSid ?? "") + ":" + String(params.MessageStatus ?? ""),
      },
      body: body.toString(),
      timeoutMs: TIMEOUT_MS,
      maxBodyBytes: 4096,
    });
    return { ok: res.status >= 200 && res.status < 300, status: res.status, snippet: excerpt(res.body), durationMs: res.durationMs };
  } catch (err) {
    return { ok: false, status: null, snippet: describeOutboundError(err), durationMs: null };
  }
}
