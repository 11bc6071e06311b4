import type { InsightsPageData } from "@/lib/server/services/insights/load-insights-page";
import { Alert } from "@/components/ui/card";
import { InsightsCharts } from "./insights-charts";
import { InsightsFilters } from "./insights-filters";
import { InsightsSummary } from "./insights-summary";

/** The Insights body shared by the console section and a service's tab. */
export function InsightsView({ data, action, serviceTab = false }: { data: InsightsPageData; action: string; serviceTab?: boolean }) {
  return (
    <div className="space-y-4">
      <section aria-label="Filters" className="rounded-lg bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
        <InsightsFilters action={action} services={serviceTab ? undefined : data.services} senders={data.senders} values={data.values} errors={data.errors} />
      </section>
      {data.report ? (
        <>
          <InsightsSummary report={data.report} />
          {data.report.totals.outbound === 0 && data.report.totals.inbound === 0 ? (
            <Alert tone="info">No messages in this range. Send one from Send Test, or choose a longer range.</Alert>
          ) : null}
          <InsightsCharts report={data.report} query={data.query} logsQuery={data.logsQuery} />
          <p className="text-xs text-slate-500">
            Times are UTC. Messages count in the hour they were created, in their current status. Deleted messages (retention or the API) stay in these totals.
          </p>
        </>
      ) : (
        <Alert tone="error">Fix the filters above to see the charts.</Alert>
      )}
    </div>
  );
}
