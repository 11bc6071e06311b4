import "server-only";
import { notFound } from "next/navigation";
import type { InsightsReport } from "@/lib/core/insights/shape-report";
import { AppError } from "@/lib/server/errors";
import { getInsightsReport } from "./get-insights-report";
import { parseInsightsFilter } from "./insights-filter-schema";
import { listInsightFilterChoices } from "./list-insight-senders";

const FILTER_KEYS = ["range", "from", "to", "service", "sender"] as const;

export interface InsightsPageData {
  values: Record<string, string>;
  errors: Record<string, string>;
  report: InsightsReport | null;
  services: { sid: string; friendlyName: string }[];
  senders: string[];
  /** The filter as a query string (CSV links keep it). */
  query: string;
  /** The same range, service and sender as Message Logs filters. */
  logsQuery: string;
}

/**
 * For the Insights pages (the account's, and a service's tab with
 * `fixedService`): filters from the search params, the report, the filter
 * choices. A service of another account is Next's 404.
 */
export async function loadInsightsPage(accountSid: string, raw: Record<string, string | string[] | undefined>, fixedService?: string): Promise<InsightsPageData> {
  const values: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = raw[k];
    if (typeof v === "string" && v.trim() !== "") values[k] = v.trim();
  }
  if (fixedService) values.service = fixedService;
  const parsed = parseInsightsFilter(values, new Date());
  let report: InsightsReport | null = null;
  const choices = await listInsightFilterChoices(accountSid, fixedService);
  if (parsed.ok) {
    try {
      report = await getInsightsReport(accountSid, { range: parsed.range, service: parsed.filter.service, sender: parsed.filter.sender });
    } catch (err) {
      if (err instanceof AppError && err.status === 404) notFound();
      throw err;
    }
  }
  const logs = new URLSearchParams();
  if (values.service) logs.set("service", values.service);
  if (values.sender) logs.set("from", values.sender);
  if (report) {
    logs.set("dateFrom", report.range.start.slice(0, 10));
    logs.set("dateTo", new Date(Date.parse(report.range.end) - 1).toISOString().slice(0, 10));
  }
  return {
    values,
    errors: parsed.ok ? {} : parsed.errors,
    report,
    services: choices.services,
    senders: choices.senders,
    query: new URLSearchParams(values).toString(),
    logsQuery: logs.toString(),
  };
}
