import type { TwilioUpstreamSettings } from "@/lib/carriers/carrier-settings";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { readForm, type Params } from "@/lib/server/api/params";
import { carrierSecretPurpose, openSecret } from "@/lib/server/secrets/secret-box";
import { verifyTwilioSignature } from "@/lib/server/webhooks/signature";
import { publicBaseUrl } from "@/lib/carriers/runtime/public-urls";

export interface UpstreamRequest {
  carrier: { sid: string; accountSid: string };
  params: Params;
}

/**
 * A status callback or inbound webhook from an HTTP upstream: the carrier
 * named in the URL must be an HTTP upstream, and X-Twilio-Signature must be
 * the upstream's signature (keyed by the carrier's auth token) over the URL
 * it was given, i.e. PUBLIC_BASE_URL + path + query, and the form
 * (docs/carriers.md "HTTP upstream"). Unknown carrier: 404; bad signature: 403.
 */
export async function verifyUpstreamRequest(req: Request, carrierSid: string): Promise<UpstreamRequest> {
  const carrier = await db.carrier.findUnique({ where: { sid: carrierSid }, select: { sid: true, accountSid: true, type: true, secret: true, settings: true } });
  if (!carrier || carrier.type !== "twilio") throw new AppError(20404, `The requested resource /carriers/${carrierSid} was not found`, 404);
  const params = await readForm(req);
  const signature = req.headers.get("x-twilio-signature") ?? "";
  const u = new URL(req.url);
  const url = publicBaseUrl() + u.pathname + u.search;
  let token: string;
  try {
    token = carrier.secret ? openSecret(carrier.secret, carrierSecretPurpose(carrier.sid)) : "";
  } catch {
    throw new AppError(20003, "The carrier's auth token cannot be read (re-enter it)", 403);
  }
  if (!token || !signature || !verifyTwilioSignature(token, signature, url, params)) {
    const upstream = (carrier.settings as Partial<TwilioUpstreamSettings>).accountSid ?? "the upstream";
    throw new AppError(20003, `X-Twilio-Signature does not match a request from ${upstream} to ${url}`, 403);
  }
  return { carrier: { sid: carrier.sid, accountSid: carrier.accountSid }, params };
}

export const param = (p: Params, name: string): string | undefined => {
  const v = p[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
};
