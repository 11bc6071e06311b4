import { findLinks } from "./find-links";
import { rewriteBody, shortUrl } from "./rewrite-body";

export interface PlannedLink {
  slug: string;
  originalUrl: string;
}

/**
 * Replaces every link of the body by a short link on `domainName`. Each link
 * gets its own slug, even when the same URL appears twice (clicks are tracked
 * per link, message and recipient). `nextSlug` supplies fresh slugs.
 */
export function shortenBody(
  body: string,
  opts: { domainName: string; disableHttps: boolean; nextSlug: () => string },
): { body: string; links: PlannedLink[] } {
  const found = findLinks(body);
  if (found.length === 0) return { body, links: [] };
  const links = found.map((f) => ({ slug: opts.nextSlug(), originalUrl: f.url }));
  return {
    body: rewriteBody(
      body,
      found,
      links.map((l) => shortUrl(opts.domainName, l.slug, opts.disableHttps)),
    ),
    links,
  };
}
