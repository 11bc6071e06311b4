import { dailySeries, type DayCount } from "@/lib/core/links/click-series";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

export interface ServiceLinkStats {
  days: DayCount[];
  totalClicks: number;
  totalLinks: number;
  topLinks: { originalUrl: string; links: number; clicks: number }[];
}

/** Clicks per UTC day over the last `days` days and the most clicked links of a service (account-scoped). */
export async function serviceLinkStats(accountSid: string, serviceSid: string, now: Date, days = 14): Promise<ServiceLinkStats> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * 86_400_000);
  const [perDay, totals, top] = await Promise.all([
    db.$queryRaw<{ day: string; clicks: number }[]>(Prisma.sql`
      SELECT to_char(date_trunc('day', clicked_at), 'YYYY-MM-DD') AS day, count(*)::int AS clicks
        FROM link_clicks WHERE service_sid = ${serviceSid} AND account_sid = ${accountSid} AND clicked_at >= ${since.toISOString()}::timestamp
       GROUP BY 1`),
    db.$queryRaw<{ links: number; clicks: number }[]>(Prisma.sql`
      SELECT (SELECT count(*)::int FROM short_links WHERE service_sid = ${serviceSid} AND account_sid = ${accountSid}) AS links,
             (SELECT count(*)::int FROM link_clicks WHERE service_sid = ${serviceSid} AND account_sid = ${accountSid}) AS clicks`),
    db.$queryRaw<{ originalUrl: string; links: number; clicks: number }[]>(Prisma.sql`
      SELECT l.original_url AS "originalUrl", count(DISTINCT l.slug)::int AS links, count(c.id)::int AS clicks
        FROM short_links l JOIN link_clicks c ON c.slug = l.slug
       WHERE l.service_sid = ${serviceSid} AND l.account_sid = ${accountSid}
       GROUP BY l.original_url ORDER BY clicks DESC, l.original_url LIMIT 10`),
  ]);
  return {
    days: dailySeries(perDay, now, days),
    totalClicks: totals[0]?.clicks ?? 0,
    totalLinks: totals[0]?.links ?? 0,
    topLinks: top,
  };
}

export interface MessageLinkClick {
  slug: string;
  originalUrl: string;
  clicks: number;
  lastClick: Date | null;
}

/** The short links of one message with their clicks (message detail page). */
export async function messageLinkClicks(accountSid: string, messageSid: string) {
  return db.$queryRaw<MessageLinkClick[]>(Prisma.sql`
    SELECT l.slug, l.original_url AS "originalUrl", count(c.id)::int AS clicks, max(c.clicked_at) AS "lastClick"
      FROM short_links l LEFT JOIN link_clicks c ON c.slug = l.slug
     WHERE l.message_sid = ${messageSid} AND l.account_sid = ${accountSid}
     GROUP BY l.slug, l.original_url, l.created_at ORDER BY l.created_at, l.slug`);
}
