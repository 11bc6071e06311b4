/**
 * What counts as a link in a message body (docs/decisions.md "Link Shortening"):
 * - starts with `http://` or `https://` (any letter case), at the start of the
 *   body or after a character that is not a letter, digit, `_`, `@`, `/` or `.`
 *   (so `xhttp://` or `a@http://` are not links);
 * - runs until whitespace or one of `<>"` (characters a URL never contains raw);
 * - a host must follow the scheme: the first character after `//` is a letter
 *   or digit (or `[` for an IPv6 literal);
 * - trailing punctuation that usually closes the sentence is not part of it:
 *   `. , ; : ! ? ' *` and a closing `)` `]` `}` that has no opening partner
 *   inside the link (so `(see https://x.io/a_(b))` keeps `https://x.io/a_(b)`).
 * Bare domains (`example.com/page`) are not links: without a scheme we cannot
 * tell a domain from a sentence like "end.Next".
 */
export interface FoundLink {
  /** UTF-16 offset of the first character. */
  start: number;
  /** Offset after the last character. */
  end: number;
  url: string;
}

const SCHEME = /https?:\/\//gi;
const STOP = /[\s<>"]/;
const BEFORE_OK = /[A-Za-z0-9_@/.]/;
const HOST_START = /[A-Za-z0-9[]/;
const TRAILING = new Set([".", ",", ";", ":", "!", "?", "'", "*"]);
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function trimTrailing(url: string): string {
  let u = url;
  for (;;) {
    const last = u[u.length - 1];
    if (last === undefined) return u;
    if (TRAILING.has(last)) {
      u = u.slice(0, -1);
      continue;
    }
    const opener = CLOSERS[last];
    if (opener && count(u, last) > count(u, opener)) {
      u = u.slice(0, -1);
      continue;
    }
    return u;
  }
}

export function findLinks(body: string): FoundLink[] {
  const out: FoundLink[] = [];
  SCHEME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCHEME.exec(body))) {
    const start = m.index;
    const before = start > 0 ? body[start - 1] : undefined;
    if (before !== undefined && BEFORE_OK.test(before)) continue;
    let end = start + m[0].length;
    while (end < body.length && !STOP.test(body[end] as string)) end++;
    const url = trimTrailing(body.slice(start, end));
    const hostStart = url[m[0].length];
    if (hostStart === undefined || !HOST_START.test(hostStart)) {
      SCHEME.lastIndex = start + m[0].length;
      continue;
    }
    out.push({ start, end: start + url.length, url });
    SCHEME.lastIndex = start + url.length;
  }
  return out;
}
