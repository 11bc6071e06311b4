import { requireViewerPage } from "@/lib/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateServiceForm } from "@/components/services/create-service-form";

export default async function NewServicePage() {
  await requireViewerPage();
  return (
    <>
      <PageHeader title="Create Messaging Service" description="Name it and say what it is for; add senders next." />
      <Card>
        <CreateServiceForm />
      </Card>
    </>
  );
}
