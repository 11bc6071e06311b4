import { randomBytes } from "node:crypto";
import { findLinks } from "@/lib/core/links/find-links";
import { rewriteBody, shortUrl } from "@/lib/core/links/rewrite-body";
import { shortenBody, type PlannedLink } from "@/lib/core/links/shorten-body";
import { slugFromBytes } from "@/lib/core/links/slug";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db/client";
import { twilioAppError } from "@/lib/server/errors";
import { errFields, log } from "@/lib/server/observability/logger";

/** Shortening requests per second per account (docs/product.md "Link Shortening"). */
export const SHORTEN_RATE_LIMIT = 100;
const MAX_COLLISION_ROUNDS = 4;

function freshSlug(): string {
  for (;;) {
    const slug = slugFromBytes(randomBytes(16));
    if (slug) return slug;
  }
}

interface ShortenContext {
  domain_sid: string;
  domain_name: string;
  disable_https: boolean;
  continue_on_failure: boolean;
  has_cert: boolean;
  used: number | null;
}

/**
 * ShortenUrls=true at message create: finds the service's domain and counts
 * the request against the account's 100/s window in ONE statement (a row per
 * account in link_rate_windows, shared by every server process), then
 * replaces each link by a fresh short link and stores the links.
 *
 * - no service / no domain: 30101; domain without a valid certificate: 30107;
 * - over the limit: 20429, nothing stored, the caller sends nothing;
 * - storing the links fails: continue_on_failure true sends the original body,
 *   false fails with 30103.
 * Links are written before the message (the message insert is group-committed
 * elsewhere); if that insert then fails they are orphans nobody was sent.
 */
export async function shortenMessageLinks(args: {
  accountSid: string;
  serviceSid: string | null;
  messageSid: string;
  recipient: string;
  body: string;
  now: Date;
  tx?: Tx;
}): Promise<string> {
  const tx = args.tx ?? db;
  if (!args.serviceSid) throw twilioAppError(30101);
  const window = Math.floor(args.now.getTime() / 1000);
  const rows = await tx.$queryRaw<ShortenContext[]>(Prisma.sql`
    WITH d AS (
      SELECT d.sid AS domain_sid, d.domain_name, d.disable_https, d.continue_on_failure,
             EXISTS (SELECT 1 FROM link_domain_certificates c
                      WHERE c.domain_sid = d.sid AND c.state = 'active' AND c.not_after > ${args.now.toISOString()}::timestamp) AS has_cert
        FROM link_domain_services s JOIN link_domains d ON d.sid = s.domain_sid
       WHERE s.service_sid = ${args.serviceSid} AND s.account_sid = ${args.accountSid}
    ), r AS (
      INSERT INTO link_rate_windows (account_sid, window_start, count)
      SELECT ${args.accountSid}, ${window}::bigint, 1 WHERE EXISTS (SELECT 1 FROM d WHERE has_cert)
      ON CONFLICT (account_sid) DO UPDATE
        SET count = CASE WHEN EXCLUDED.window_start <= link_rate_windows.window_start THEN link_rate_windows.count + 1 ELSE 1 END,
            window_start = GREATEST(link_rate_windows.window_start, EXCLUDED.window_start)
      RETURNING count
    )
    SELECT d.*, (SELECT count FROM r) AS used FROM d`);
  const ctx = rows[0];
  if (!ctx) throw twilioAppError(30101);
  if (!ctx.has_cert) throw twilioAppError(30107);
  if ((ctx.used ?? 0) > SHORTEN_RATE_LIMIT) throw twilioAppError(20429, "(link shortening is limited to 100 requests per second per account; links were not shortened and the message was not sent)");

  const planned = shortenBody(args.body, { domainName: ctx.domain_name, disableHttps: ctx.disable_https, nextSlug: freshSlug });
  if (planned.links.length === 0) return args.body;
  try {
    await storeLinks(tx, args, ctx.domain_sid, planned.links);
    // Collided slugs were replaced while storing: write the body from the stored slugs.
    return rewriteBody(args.body, findLinks(args.body), planned.links.map((l) => shortUrl(ctx.domain_name, l.slug, ctx.disable_https)));
  } catch (err) {
    if (ctx.continue_on_failure) {
      log.error(errFields(err), "link shortening failed; sending the original links (continue_on_failure)");
      return args.body;
    }
    log.error(errFields(err), "link shortening failed");
    throw twilioAppError(30103);
  }
}

/**
 * Inserts the links; a slug collision (ON CONFLICT DO NOTHING returns fewer
 * rows) is retried with new slugs. The slug primary key is the guarantee.
 */
async function storeLinks(
  tx: Tx,
  args: { accountSid: string; serviceSid: string | null; messageSid: string; recipient: string; body: string; now: Date },
  domainSid: string,
  links: PlannedLink[],
): Promise<void> {
  let pending = links;
  for (let round = 0; round < MAX_COLLISION_ROUNDS && pending.length; round++) {
    const inserted = await tx.$queryRaw<{ slug: string }[]>(Prisma.sql`
      INSERT INTO short_links (slug, account_sid, domain_sid, service_sid, message_sid, recipient, original_url, created_at)
      SELECT s, ${args.accountSid}, ${domainSid}, ${args.serviceSid}, ${args.messageSid}, ${args.recipient}, u, ${args.now.toISOString()}::timestamp
        FROM unnest(${pending.map((l) => l.slug)}::text[], ${pending.map((l) => l.originalUrl)}::text[]) AS t(s, u)
      ON CONFLICT (slug) DO NOTHING
      RETURNING slug`);
    const ok = new Set(inserted.map((r) => r.slug));
    // A collided link keeps its place in the body: its slug is swapped in place.
    pending = pending.filter((l) => !ok.has(l.slug));
    for (const l of pending) l.slug = freshSlug();
  }
  if (pending.length) throw new Error("could not find free slugs");
}
