import "server-only";
import { CHART_IDS, chartTable, type ChartId } from "@/lib/core/insights/chart-tables";
import { AppError } from "@/lib/server/errors";
import { csvCell } from "@/lib/server/security/csv-cell";
import { getInsightsReport, type InsightsQuery } from "./get-insights-report";

export const isChartId = (s: string): s is ChartId => (CHART_IDS as readonly string[]).includes(s);

/** One chart's table as CSV (the same columns as its "View as table"), cells neutralised for spreadsheets. */
export async function exportInsightsCsv(accountSid: string, chart: string, q: InsightsQuery): Promise<string> {
  if (!isChartId(chart)) throw new AppError(20404, "The requested resource was not found", 404);
  const table = chartTable(await getInsightsReport(accountSid, q), chart);
  return [table.columns, ...table.rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
