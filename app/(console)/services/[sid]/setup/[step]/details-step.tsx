import { Card } from "@/components/ui/card";
import { PropertiesForm } from "@/components/services/properties-form";
import { StepActions } from "@/components/setup/step-actions";

/** Step 1 revisited: the service exists, so its name and use case are edited with the Properties form. */
export function DetailsStep({ service }: { service: { sid: string; friendlyName: string; usecase: string } }) {
  return (
    <>
      <Card title="About the service" description="What the service is called in the console and what it sends.">
        <PropertiesForm sid={service.sid} friendlyName={service.friendlyName} usecase={service.usecase} />
      </Card>
      <StepActions serviceSid={service.sid} step="details" />
    </>
  );
}
