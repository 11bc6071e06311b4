/**
 * The v1 API has no "incoming handling" parameter: on Twilio, giving a
 * service an InboundRequestUrl is what makes it send webhooks. So an API
 * create/update that sets a request URL (and does not say otherwise)
 * switches the service to "Send a webhook"; clearing the URL leaves the mode
 * alone, and a webhook-mode service without a URL sends nothing (Twilio:
 * "null disables inbound").
 */
export function withApiIncomingHandling<T extends { inboundRequestUrl?: string | null; incomingHandling?: string }>(input: T): T {
  if (input.incomingHandling === undefined && input.inboundRequestUrl) return { ...input, incomingHandling: "webhook" };
  return input;
}
