import { loadServiceForPage } from "@/lib/server/auth/page-loaders";
import { Card } from "@/components/ui/card";
import { IntegrationForm } from "@/components/services/integration-form";

export default async function IntegrationPage({ params }: { params: Promise<{ sid: string }> }) {
  const { service: s } = await loadServiceForPage((await params).sid);
  return (
    <Card title="Integration" description="Where incoming messages and delivery status go, and how long outgoing messages may wait.">
      <IntegrationForm
        service={{
          sid: s.sid,
          incomingHandling: s.incomingHandling,
          inboundRequestUrl: s.inboundRequestUrl ?? "",
          inboundMethod: s.inboundMethod,
          fallbackUrl: s.fallbackUrl ?? "",
          fallbackMethod: s.fallbackMethod,
          statusCallback: s.statusCallback ?? "",
          validityPeriod: s.validityPeriod,
          useInboundWebhookOnNumber: s.useInboundWebhookOnNumber,
        }}
      />
    </Card>
  );
}
