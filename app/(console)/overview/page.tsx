import Link from "next/link";
import { requireViewerPage } from "@/lib/server/auth/session";
import { getOverview } from "@/lib/server/services/insights/get-overview";
import { OverviewTiles } from "@/components/insights/overview-tiles";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export const metadata = { title: "Overview" };

/** The landing page after sign-in (docs/insights.md "Overview"). */
export default async function OverviewPage() {
  const viewer = await requireViewerPage();
  const overview = await getOverview(viewer.accountSid, new Date());
  return (
    <>
      <PageHeader
        title="Overview"
        description="Today so far (UTC), and what needs attention."
        actions={
          <>
            <Link href="/insights" className={buttonClass("secondary")}>
              Messaging Insights
            </Link>
            <Link href="/send" className={buttonClass("primary")}>
              Send a test
            </Link>
          </>
        }
      />
      <OverviewTiles overview={overview} />
    </>
  );
}
