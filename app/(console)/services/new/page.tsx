import { requirePagePermission } from "@/lib/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateServiceForm } from "@/components/services/create-service-form";

export default async function NewServicePage() {
  // A role that may not create services gets the not-found page (docs/team.md "Roles").
  await requirePagePermission("services.manage");
  return (
    <>
      <PageHeader title="Create Messaging Service" description="Name it and say what it is for; add senders next." />
      <Card>
        <CreateServiceForm />
      </Card>
    </>
  );
}
