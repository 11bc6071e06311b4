import { createHmac, timingSafeEqual } from "node:crypto";

export type WebhookParams = Record<string, string | string[]>;

/**
 * X-Twilio-Signature (docs/wire-contract.md "Signatures", twilio-node's algorithm): the full
 * URL, then each POST parameter name + value in name order (plain JS sort,
 * i.e. UTF-16 code units); an array value contributes each distinct value in
 * sorted order. HMAC-SHA1 keyed by the account's auth token, Base64.
 */
export function twilioSignature(authToken: string, url: string, params: WebhookParams = {}): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (Array.isArray(value)) {
      for (const v of [...new Set(value)].sort()) data += name + v;
    } else if (value !== undefined) {
      data += name + value;
    }
  }
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

/** Constant-time check of a received signature against the exact URL given. */
export function verifyTwilioSignature(authToken: string, signature: string, url: string, params: WebhookParams = {}): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const got = Buffer.from(signature);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
