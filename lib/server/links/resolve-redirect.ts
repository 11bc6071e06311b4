import { decideRedirect } from "@/lib/core/links/expiry";
import { isSlug } from "@/lib/core/links/slug";
import type { LinkStore } from "@/lib/server/links/link-store";

export interface LinkRequest {
  /** The Host header (port, letter case and a trailing dot are ignored). */
  host: string;
  /** Path and query, e.g. "/AbCdEf1234". */
  path: string;
  userAgent: string;
}

export interface LinkAnswer {
  status: 302 | 404;
  location?: string;
}

export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const noPort = h.startsWith("[") ? h.slice(0, h.indexOf("]") + 1) : h.replace(/:\d+$/, "");
  return noPort.replace(/\.$/, "");
}

/**
 * A request to a link domain: `https://DOMAIN/SLUG` answers 302 to the
 * original URL for 90 days (the click is committed first), then 302 to the
 * domain's fallback URL; anything else is a plain 404. 302 rather than 301 so
 * browsers do not cache a target that changes when the link expires. The clock
 * is passed in (tests move it past 90 days).
 */
export async function resolveRedirect(req: LinkRequest, deps: { store: LinkStore; now: () => Date }): Promise<LinkAnswer> {
  const path = req.path.split(/[?#]/, 1)[0] ?? "";
  const slug = path.startsWith("/") ? path.slice(1) : "";
  if (!isSlug(slug)) return { status: 404 };
  const domain = await deps.store.domain(hostName(req.host));
  if (!domain) return { status: 404 };
  const found = await deps.store.link(slug);
  const link = found && found.domainSid === domain.sid ? found : null;
  const now = deps.now();
  const decision = decideRedirect(link, domain.fallbackUrl, now);
  if (decision.kind === "not-found") return { status: 404 };
  if (decision.recordClick && link) {
    await deps.store.recordClick({ link, clickedAt: now, userAgent: req.userAgent.slice(0, 1024), callbackUrl: domain.callbackUrl });
  }
  return { status: 302, location: decision.location };
}
