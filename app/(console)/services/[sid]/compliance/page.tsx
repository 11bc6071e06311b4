import { requireViewerPage } from "@/lib/server/auth/session";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { Card } from "@/components/ui/card";
import { NotAvailableYet } from "@/components/ui/not-available";

export default async function CompliancePage({ params }: { params: Promise<{ sid: string }> }) {
  const viewer = await requireViewerPage();
  await getService(viewer.accountSid, (await params).sid);
  return (
    <Card title="Compliance">
      <NotAvailableYet what="Compliance" />
    </Card>
  );
}
