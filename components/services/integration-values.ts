import type { IntegrationValues } from "./integration-form";

/** A service's Integration settings as the form shows them (Integration page and guided setup). */
export function integrationValues(s: {
  sid: string;
  incomingHandling: string;
  inboundRequestUrl: string | null;
  inboundMethod: string;
  fallbackUrl: string | null;
  fallbackMethod: string;
  statusCallback: string | null;
  validityPeriod: number;
  useInboundWebhookOnNumber: boolean;
}): IntegrationValues {
  return {
    sid: s.sid,
    incomingHandling: s.incomingHandling,
    inboundRequestUrl: s.inboundRequestUrl ?? "",
    inboundMethod: s.inboundMethod,
    fallbackUrl: s.fallbackUrl ?? "",
    fallbackMethod: s.fallbackMethod,
    statusCallback: s.statusCallback ?? "",
    validityPeriod: s.validityPeriod,
    useInboundWebhookOnNumber: s.useInboundWebhookOnNumber,
  };
}
