import { requireViewerPage } from "@/lib/server/auth/session";
import { loadInsightsPage } from "@/lib/server/services/insights/load-insights-page";
import { InsightsView } from "@/components/insights/insights-view";
import { PageHeader } from "@/components/ui/card";

export const metadata = { title: "Messaging Insights" };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage();
  const data = await loadInsightsPage(viewer.accountSid, await searchParams);
  return (
    <>
      <PageHeader title="Messaging Insights" description="Delivery, errors, latency and engagement across your Messaging Services." />
      <InsightsView data={data} action="/insights" />
    </>
  );
}
