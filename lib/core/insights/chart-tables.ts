import { percent, STATUS_SERIES } from "./chart-series";
import type { InsightsReport } from "./shape-report";

/**
 * Every Insights chart as a table: the "View as table" of each chart and
 * its CSV export read the same columns and rows (docs/insights.md).
 */
export const CHART_IDS = ["status", "rates", "errors", "latency", "throughput", "opt-outs", "inbound", "links"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const CHART_TITLES: Record<ChartId, string> = {
  status: "Messages by status",
  rates: "Delivery and error rate",
  errors: "Top error codes",
  latency: "Latency",
  throughput: "Throughput and capacity",
  "opt-outs": "Opt-outs and opt-ins",
  inbound: "Inbound volume",
  links: "Link click-through",
};

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

const ratio = (r: number | null) => (r === null ? "" : Number(r.toFixed(4)));
const ms = (v: number | null) => (v === null ? "" : Math.round(v));
const mps = (v: number) => Number(v.toFixed(3));

export function chartTable(report: InsightsReport, id: ChartId): ChartTable {
  switch (id) {
    case "status":
      return { columns: ["Period", ...STATUS_SERIES.map((s) => s.label)], rows: report.status.map((p) => [p.bucket, ...STATUS_SERIES.map((s) => p[s.key])]) };
    case "rates":
      return { columns: ["Period", "Delivery rate", "Error rate"], rows: report.rates.map((r) => [r.bucket, ratio(r.deliveryRate), ratio(r.errorRate)]) };
    case "errors":
      return { columns: ["Error code", "Description", "Messages", "Share of outbound"], rows: report.errorCodes.map((e) => [e.code, e.description, e.count, percent(e.share)]) };
    case "latency":
      return { columns: ["Latency", "Messages", "p50 (ms)", "p95 (ms)"], rows: report.latency.map((l) => [l.label, l.count, ms(l.p50), ms(l.p95)]) };
    case "throughput":
      return {
        columns: ["Sender type", "Senders", "Capacity (MPS)", "Busiest hour (MPS)", "Average (MPS)"],
        rows: report.throughput.map((t) => [t.label, t.senders, t.capacityMps, mps(t.peakMps), mps(t.averageMps)]),
      };
    case "opt-outs":
      return { columns: ["Period", "Opt-outs", "Opt-ins"], rows: report.optOuts.map((o) => [o.bucket, o.optOuts, o.optIns]) };
    case "inbound":
      return { columns: ["Period", "Received"], rows: report.inbound.map((i) => [i.bucket, i.received]) };
    case "links":
      return { columns: ["Period", "Links sent", "Clicks", "Links clicked"], rows: report.links.map((l) => [l.bucket, l.created, l.clicks, l.firstClicks]) };
  }
}
