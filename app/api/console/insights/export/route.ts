import { consoleHandler } from "@/lib/server/api/console-handler";
import { AppError } from "@/lib/server/errors";
import { exportInsightsCsv } from "@/lib/server/services/insights/export-insights-csv";
import { parseInsightsFilter } from "@/lib/server/services/insights/insights-filter-schema";

export const dynamic = "force-dynamic";

/** One Insights chart as CSV (session-checked, scoped by account; another account's service is a 404). */
export const GET = consoleHandler(async (req, viewer) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = parseInsightsFilter(params, new Date());
  if (!parsed.ok) throw new AppError(20001, Object.values(parsed.errors)[0] ?? "Invalid filter", 400);
  const chart = params.chart ?? "";
  const csv = await exportInsightsCsv(viewer.accountSid, chart, { range: parsed.range, service: parsed.filter.service, sender: parsed.filter.sender });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="insights-${chart}-${parsed.range.start.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
