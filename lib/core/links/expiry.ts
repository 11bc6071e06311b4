/**
 * Where a click on a short link goes, given the clock. Links redirect to their
 * original URL for 90 days from creation (the message's create time); after
 * that to the domain's fallback URL, and clicks are no longer recorded or
 * reported (Twilio: no click events for expired links). No link, or an
 * expired one without a fallback URL: a plain 404.
 */
export const LINK_LIFETIME_MS = 90 * 86_400_000;

export type RedirectDecision =
  | { kind: "original"; location: string; recordClick: true }
  | { kind: "fallback"; location: string; recordClick: false }
  | { kind: "not-found"; recordClick: false };

export function decideRedirect(
  link: { originalUrl: string; createdAt: Date } | null,
  fallbackUrl: string | null,
  now: Date,
): RedirectDecision {
  if (link && now.getTime() - link.createdAt.getTime() < LINK_LIFETIME_MS) {
    return { kind: "original", location: link.originalUrl, recordClick: true };
  }
  if (link && fallbackUrl) return { kind: "fallback", location: fallbackUrl, recordClick: false };
  return { kind: "not-found", recordClick: false };
}
