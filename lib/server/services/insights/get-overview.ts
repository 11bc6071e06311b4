import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { rates } from "@/lib/core/insights/chart-series";
import { db } from "@/lib/server/db/client";

export interface Overview {
  /** Since 00:00 UTC today. */
  today: { outbound: number; inbound: number; delivered: number; deliveryRate: number | null; errorRate: number | null };
  /** Messages accepted but not yet handed to a carrier (accepted, queued, sending). */
  queueDepth: number;
  scheduled: number;
  /** Alerts raised in the last 24 hours. */
  recentAlerts: number;
  services: number;
}

const QUEUED = ["accepted", "queued", "sending"];

/**
 * The landing page after sign-in (docs/insights.md "Overview"): today's
 * volume and delivery rate from the rollups, the queue from the daily rollups
 * (every day: a message waits in the day it was created), the last day's alerts.
 */
export async function getOverview(accountSid: string, now: Date): Promise<Overview> {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [counts, queue, alerts, services] = await Promise.all([
    db.$queryRaw<{ direction: string; status: string; with_error: boolean; n: bigint }[]>(Prisma.sql`
      SELECT direction, status, error_code <> 0 AS with_error, sum(count)::bigint AS n
        FROM insight_message_counts WHERE account_sid = ${accountSid} AND hour >= ${midnight}
       GROUP BY 1, 2, 3`),
    // From the daily rollups, not the messages table: a backlog of a million messages costs a million index entries to count.
    db.$queryRaw<{ status: string; n: bigint }[]>(Prisma.sql`
      SELECT status, sum(count)::bigint AS n FROM insight_message_days
       WHERE account_sid = ${accountSid} AND status = ANY(${[...QUEUED, "scheduled"]}::text[]) GROUP BY 1`),
    db.alert.count({ where: { accountSid, createdAt: { gte: new Date(now.getTime() - 86_400_000) } } }),
    db.service.count({ where: { accountSid } }),
  ]);
  const c = { delivered: 0, read: 0, sent: 0, undelivered: 0, failed: 0, outbound: 0, withError: 0 };
  let inbound = 0;
  for (const r of counts) {
    const n = Number(r.n);
    if (r.direction === "inbound") {
      inbound += n;
      continue;
    }
    c.outbound += n;
    if (r.with_error) c.withError += n;
    if (r.status in c && r.status !== "outbound" && r.status !== "withError") c[r.status as "delivered"] += n;
  }
  return {
    today: { outbound: c.outbound, inbound, delivered: c.delivered + c.read, ...rates(c) },
    queueDepth: queue.filter((q) => QUEUED.includes(q.status)).reduce((n, q) => n + Number(q.n), 0),
    scheduled: Number(queue.find((q) => q.status === "scheduled")?.n ?? 0),
    recentAlerts: alerts,
    services,
  };
}
