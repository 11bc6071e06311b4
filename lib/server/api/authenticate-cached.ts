import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { subscribeCache } from "@/lib/server/cache/cache-invalidation";
import { setApiActor } from "@/lib/server/audit-context";
import type { ApiRequest } from "./api-request";
import { authenticate, type ApiPrincipal } from "./credentials";

/**
 * authenticate() with a short in-memory cache of successful lookups, keyed by
 * a hash of the Authorization header: the send path is hot (thousands of
 * requests per second) and the credential lookup was a query per request.
 * A rotated token or deleted key stops working on every process when the
 * change commits (its notification clears this cache: docs/operations.md
 * "Scale-out"), at the latest after TTL_MS if the listener was down.
 */
const TTL_MS = 5_000;
// Concurrent requests with the same credentials share one lookup (an app starting
// with many connections open would otherwise run them all at once); failures are not kept.
const cache = new LRUCache<string, ApiPrincipal, Pick<ApiRequest, "headers">>({
  max: 10_000,
  ttl: TTL_MS,
  ignoreFetchAbort: true,
  fetchMethod: (_key, _stale, { context }) => authenticate(context),
});
// Keys are hashes of headers, not accounts: a credential change (rare) clears them all.
subscribeCache("credentials", { invalidate: () => cache.clear(), reset: () => cache.clear() });

export async function authenticateCached(req: Pick<ApiRequest, "headers">): Promise<ApiPrincipal> {
  const header = req.headers.get("authorization");
  if (!header) return authenticate(req);
  const key = createHash("sha256").update(header).digest("base64");
  const principal = await cache.fetch(key, { context: req });
  if (!principal) return authenticate(req);
  // A cached principal skipped authenticate(), which names the audit actor.
  setApiActor(principal);
  return principal;
}
