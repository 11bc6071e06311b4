import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { inDateRange } from "@/lib/server/api/input-guards";
import { readQuery } from "@/lib/server/api/params";
import { alertResource } from "@/lib/server/api/resources/alert";
import { apiHandler, json } from "@/lib/server/api/respond";
import { AppError } from "@/lib/server/errors";
import { listAlertsPage } from "@/lib/server/services/alerts/query-alerts";

function date(v: string | string[] | undefined, name: string): Date | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return undefined;
  const d = new Date(s);
  if (!inDateRange(d)) throw new AppError(20001, `Invalid ${name}: ${s}`, 400);
  return d;
}

/** Monitor API alerts list (twilio-node `client.monitor.v1.alerts.list`): LogLevel, StartDate, EndDate. */
export const GET = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const q = readQuery(req);
  const page = readPage(q);
  const level = Array.isArray(q.LogLevel) ? q.LogLevel[0] : q.LogLevel;
  const { items, hasMore } = await listAlertsPage(accountSid, {
    skip: page.skip,
    take: page.pageSize,
    logLevel: level?.toLowerCase() || undefined,
    start: date(q.StartDate, "StartDate"),
    end: date(q.EndDate, "EndDate"),
  });
  return json(v1Page("alerts", "/v1/Alerts", q, page, items.map(alertResource), hasMore));
});
