import { requireViewerPage } from "@/lib/server/auth/session";
import { listSendTestServices } from "@/lib/server/services/messaging-services/service-names";
import { PageHeader } from "@/components/ui/card";
import { SendTest } from "@/components/send/send-test";

export default async function SendTestPage() {
  const viewer = await requireViewerPage();
  const services = await listSendTestServices(viewer.accountSid);
  return (
    <>
      <PageHeader title="Send Test" description="Send a message through a service and watch the routing decision and the statuses arrive." />
      <SendTest services={services} />
    </>
  );
}
