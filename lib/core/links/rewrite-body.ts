import type { FoundLink } from "./find-links";

/** The short link as it appears in the message: `https://DOMAIN/SLUG`, or `DOMAIN/SLUG` with disable_https. */
export function shortUrl(domainName: string, slug: string, disableHttps: boolean): string {
  return `${disableHttps ? "" : "https://"}${domainName}/${slug}`;
}

/** Replaces each found link (in order, non-overlapping, as findLinks returns them) by its replacement. */
export function rewriteBody(body: string, links: FoundLink[], replacements: string[]): string {
  if (links.length !== replacements.length) throw new Error("one replacement per link");
  let out = "";
  let at = 0;
  links.forEach((l, i) => {
    if (l.start < at) throw new Error("links overlap or are out of order");
    out += body.slice(at, l.start) + replacements[i];
    at = l.end;
  });
  return out + body.slice(at);
}
