import { createHash } from "node:crypto";
import type { ApiRequest } from "./api-request";
import { authenticate, type ApiPrincipal } from "./credentials";

/**
 * authenticate() with a short in-memory cache of successful lookups, keyed by
 * a hash of the Authorization header: the send path is hot (thousands of
 * requests per second) and the credential lookup was a query per request.
 * A rotated token or deleted key keeps working for at most TTL_MS here.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { principal: ApiPrincipal; expires: number }>();

export async function authenticateCached(req: Pick<ApiRequest, "headers">): Promise<ApiPrincipal> {
  const header = req.headers.get("authorization");
  if (!header) return authenticate(req);
  const key = createHash("sha256").update(header).digest("base64");
  const hit = cache.get(key);
  const now = Date.now();
  if (hit && hit.expires > now) return hit.principal;
  const principal = await authenticate(req);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { principal, expires: now + TTL_MS });
  return principal;
}
