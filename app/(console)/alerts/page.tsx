import { requireViewerPage } from "@/lib/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { NotAvailableYet } from "@/components/ui/not-available";

export default async function AlertsPage() {
  await requireViewerPage();
  return (
    <>
      <PageHeader title="Alerts" />
      <Card>
        <NotAvailableYet what="Alerts" />
      </Card>
    </>
  );
}
