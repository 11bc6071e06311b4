/**
 * Where to send a user after sign-in: only a path on this origin
 * (docs/security.md "Sign-in"). `//evil.example/x` and `/\evil.example/x`
 * start with "/" but browsers read them as another host, so the check is
 * made by resolving against a placeholder origin, and backslashes and
 * control characters are refused outright (browsers treat `\` as `/`).
 */
const PLACEHOLDER = "http://switchyard.invalid";

export function safeCallbackPath(raw: unknown, fallback = "/overview"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//")) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  return url.pathname + url.search + url.hash;
}
