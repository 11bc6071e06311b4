/**
 * The console's Content-Security-Policy (docs/security.md "Headers"): a
 * fresh nonce per request (proxy.ts) that Next puts on its own scripts,
 * 'strict-dynamic' so only those scripts and what they load run, no
 * framing, no plugins, forms and base URL to this origin only. Styles keep
 * 'unsafe-inline' (Tailwind and Next inject style attributes; styles cannot
 * run code). Dev needs 'unsafe-eval' (React's dev tooling) and websockets (HMR).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Strict-Transport-Security, only for a request that came over https (a plain-http install must stay reachable). */
export const HSTS = "max-age=63072000; includeSubDomains";
