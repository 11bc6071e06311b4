import { NextResponse, type NextRequest } from "next/server";
import { config as switchyardConfig } from "@/lib/server/config";

/**
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

export function proxy(req: NextRequest) {
  const host = (req.headers.get("host") ?? "").toLowerCase().replace(/:\d+$/, "");
  if (!host || CONSOLE_HOSTS.has(host)) return NextResponse.next();
  return NextResponse.rewrite(new URL(`/api/console/links/redirect${req.nextUrl.pathname}`, req.url));
}

export const config = { matcher: "/:slug([0-9A-Za-z]{10})" };
