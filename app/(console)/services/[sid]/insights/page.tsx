import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { loadInsightsPage } from "@/lib/server/services/insights/load-insights-page";
import { InsightsView } from "@/components/insights/insights-view";

export const metadata = { title: "Insights" };

export default async function ServiceInsightsPage({ params, searchParams }: { params: Promise<{ sid: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { sid } = await params;
  const { viewer, service } = await loadServiceForPage(sid);
  const data = await loadInsightsPage(viewer.accountSid, await searchParams, service.sid);
  return <InsightsView data={data} action={`/services/${service.sid}/insights`} serviceTab />;
}
