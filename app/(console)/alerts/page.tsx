import Link from "next/link";
import { requireViewerPage } from "@/lib/server/auth/session";
import { parseAlertFilter } from "@/lib/server/services/alerts/alert-filter-schema";
import { listAlerts } from "@/lib/server/services/alerts/list-alerts";
import { listServiceNames } from "@/lib/server/services/messaging-services/service-names";
import { AlertFilters } from "@/components/alerts/alert-filters";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage();
  const raw = await searchParams;
  const parsed = parseAlertFilter(raw);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) fieldErrors[String(i.path[0] ?? "_")] ??= i.message;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") values[k] = v;
  const [services, page] = await Promise.all([
    listServiceNames(viewer.accountSid),
    // Invalid filters show their field errors and no rows rather than everything.
    parsed.success ? listAlerts(viewer.accountSid, parsed.data) : Promise.resolve({ alerts: [], nextCursor: null }),
  ]);
  const next = new URLSearchParams();
  if (values.service) next.set("service", values.service);
  if (values.code) next.set("code", values.code);
  return (
    <>
      <PageHeader title="Alerts" description="Warnings raised while sending, newest first. Alerts never block a message." />
      <div className="space-y-4">
        <Card>
          <AlertFilters services={services} values={values} errors={fieldErrors} />
        </Card>
        <Card>
          <AlertsTable alerts={page.alerts} />
          {page.nextCursor || values.cursor ? (
            <nav aria-label="Pages" className="mt-4 flex gap-2">
              {values.cursor ? (
                <Link className={buttonClass("secondary")} href={`/alerts${next.size ? `?${next}` : ""}`}>
                  Newest
                </Link>
              ) : null}
              {page.nextCursor ? (
                <Link className={buttonClass("secondary")} href={`/alerts?${new URLSearchParams([...next, ["cursor", page.nextCursor]])}`}>
                  Older alerts
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Card>
      </div>
    </>
  );
}
