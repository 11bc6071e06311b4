import { Card } from "@/components/ui/card";
import { IntegrationForm } from "@/components/services/integration-form";
import { integrationValues } from "@/components/services/integration-values";
import { StepActions } from "@/components/setup/step-actions";

type Service = Parameters<typeof integrationValues>[0];

/** Step 3: the Integration page's own form, so the same validation and the same save. */
export function IntegrationStep({ service }: { service: Service }) {
  return (
    <>
      <Card
        title="Integration"
        description="Where incoming messages go (your application's webhook, each sender's own, or Conversations) and where delivery statuses are posted. Save, then continue."
      >
        <IntegrationForm service={integrationValues(service)} />
      </Card>
      <StepActions serviceSid={service.sid} step="integration" hint="Continue keeps the settings as saved." />
    </>
  );
}
