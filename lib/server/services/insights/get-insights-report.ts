import "server-only";
import { shapeReport, type InsightsReport } from "@/lib/core/insights/shape-report";
import type { TimeRange } from "@/lib/core/insights/time-range";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { queryCapacity, queryEvents, queryLatency, queryMessageCounts, queryPeaks } from "./query-rollups";

export interface InsightsQuery {
  range: TimeRange;
  service?: string;
  sender?: string;
}

/**
 * Every Insights chart for one account, time range and optional service or
 * sender. Another account's service is not found (404), like everywhere.
 */
export async function getInsightsReport(accountSid: string, q: InsightsQuery): Promise<InsightsReport> {
  if (q.service) {
    const found = await db.service.findFirst({ where: { sid: q.service, accountSid }, select: { sid: true } });
    if (!found) throw new AppError(20404, "The requested resource was not found", 404);
  }
  const scope = { accountSid, range: q.range, serviceSid: q.service, sender: q.sender };
  const [counts, latency, peaks, events, capacity] = await Promise.all([queryMessageCounts(scope), queryLatency(scope), queryPeaks(scope), queryEvents(scope), queryCapacity(scope)]);
  return shapeReport(q.range, { counts, latency, peaks, events, capacity });
}
