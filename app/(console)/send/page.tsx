import { requireViewerPage } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { PageHeader } from "@/components/ui/card";
import { SendTest } from "@/components/send/send-test";

export default async function SendTestPage() {
  const viewer = await requireViewerPage();
  const services = await db.service.findMany({
    where: { accountSid: viewer.accountSid },
    select: { sid: true, friendlyName: true, smartEncoding: true },
    orderBy: { friendlyName: "asc" },
  });
  return (
    <>
      <PageHeader title="Send Test" description="Send a message through a service and watch the routing decision and the statuses arrive." />
      <SendTest services={services} />
    </>
  );
}
