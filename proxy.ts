import { NextResponse, type NextRequest } from "next/server";
import { config as switchyardConfig } from "@/lib/server/config";
import { contentSecurityPolicy, HSTS } from "@/lib/server/security/content-security-policy";
import { PAGE_PATH_HEADER } from "@/lib/server/security/page-path";

/**
 * Three jobs. The opened path, for a page that sends the user to sign-in
 * and back (lib/server/security/page-path.ts). Security headers (docs/security.md "Headers"): every console
 * page gets a nonce-based Content-Security-Policy, the nonce handed to Next
 * on the request's own CSP header (Next puts it on its scripts), and HSTS
 * when the request came over https.
 *
 * Host routing for link domains on the main server (the dedicated listener
 * in the launcher is the fast path; docs/decisions.md "Link Shortening"): a
 * request for /<10-char slug> whose Host is not the console's own host is
 * answered by the link redirect route. Everything else passes untouched; the
 * matcher keeps this off every other path.
 */
const CONSOLE_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
// Both are validated as absolute URLs (lib/server/config.ts).
for (const v of [switchyardConfig().PUBLIC_BASE_URL, switchyardConfig().NEXTAUTH_URL]) {
  if (v) CONSOLE_HOSTS.add(new URL(v).hostname.toLowerCase());
}

const SLUG = /^\/[0-9A-Za-z]{10}$/;

export function proxy(req: NextRequest) {
  const host = (req.headers.get("host") ?? "").toLowerCase().replace(/:\d+$/, "");
  if (host && !CONSOLE_HOSTS.has(host) && SLUG.test(req.nextUrl.pathname)) {
    return NextResponse.rewrite(new URL(`/api/console/links/redirect${req.nextUrl.pathname}`, req.url));
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  // Where sign-in returns to when this page needs it (lib/server/auth/session.ts).
  headers.set(PAGE_PATH_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  if (req.nextUrl.protocol === "https:") res.headers.set("strict-transport-security", HSTS);
  return res;
}

// Pages only: not static assets, not the REST API (JSON, no scripts), not next-auth's JSON endpoints.
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/|v1/|2010-04-01/|sim/).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
