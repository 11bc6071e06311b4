import { requireViewerPage } from "@/lib/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { NotAvailableYet } from "@/components/ui/not-available";

export default async function SendTestPage() {
  await requireViewerPage();
  return (
    <>
      <PageHeader title="Send Test" />
      <Card>
        <NotAvailableYet what="Send Test" />
      </Card>
    </>
  );
}
