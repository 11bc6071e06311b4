import { formatMs, percent } from "@/lib/core/insights/chart-series";
import type { InsightsReport } from "@/lib/core/insights/shape-report";

/** The headline numbers above the charts. */
export function InsightsSummary({ report }: { report: InsightsReport }) {
  const stats = [
    { label: "Outbound", value: report.totals.outbound.toLocaleString("en-US") },
    { label: "Delivery rate", value: percent(report.totals.deliveryRate) },
    { label: "Error rate", value: percent(report.totals.errorRate) },
    { label: "p95 to delivered", value: formatMs(report.latency[1]?.p95 ?? null) },
    { label: "Inbound", value: report.totals.inbound.toLocaleString("en-US") },
  ];
  return (
    <dl aria-label="Summary" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {stats.map((s, i) => (
        <div key={s.label} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
          <dt id={`insights-stat-${i}`} className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {s.label}
          </dt>
          <dd aria-labelledby={`insights-stat-${i}`} className="mt-1 text-xl font-semibold text-slate-900">
            {s.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
