import { requireViewerPage } from "@/lib/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { NotAvailableYet } from "@/components/ui/not-available";

export default async function MessageLogsPage() {
  await requireViewerPage();
  return (
    <>
      <PageHeader title="Message Logs" />
      <Card>
        <NotAvailableYet what="Message Logs" />
      </Card>
    </>
  );
}
