import { requirePagePermission } from "@/lib/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateServiceForm } from "@/components/services/create-service-form";
import { SetupStepper } from "@/components/setup/setup-stepper";

/** Step 1 of the guided setup (docs/console.md "Guided setup"): creating the service; the later steps need it. */
export default async function NewServicePage() {
  // A role that may not create services gets the not-found page (docs/team.md "Roles").
  await requirePagePermission("services.manage");
  return (
    <>
      <PageHeader title="Create Messaging Service" description="Name it and say what it is for; senders, integration and compliance come next, and any step can be skipped." />
      <SetupStepper current="details" />
      <Card title="About the service">
        <CreateServiceForm />
      </Card>
    </>
  );
}
