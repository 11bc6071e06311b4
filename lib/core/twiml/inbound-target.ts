/**
 * Where an inbound message goes, from the Integration settings of the
 * service that owns the receiving sender (docs/product.md "Integration", docs/wire-contract.md "Messaging Service resource"):
 *
 * - `conversation` ("Autocreate a Conversation"): into the console inbox; no webhook.
 * - `defer` ("Defer to sender's webhook", the default): the number's own SmsUrl/SmsMethod.
 * - `webhook` ("Send a webhook"): the service's inbound request URL and
 *   method, then its fallback URL and method when the first fails. With
 *   `useInboundWebhookOnNumber`, a number that has its own SmsUrl overrides
 *   both (Twilio's UseInboundWebhookOnNumber). A null request URL means
 *   inbound webhooks are off (Twilio: "null disables inbound").
 * A sender in no service uses its own webhook, as on Twilio.
 */

export type HttpMethod = "GET" | "POST";

export interface InboundSettings {
  incomingHandling: string;
  inboundRequestUrl: string | null;
  inboundMethod: string;
  fallbackUrl: string | null;
  fallbackMethod: string;
  useInboundWebhookOnNumber: boolean;
}

/** The receiving sender's own webhook (phone numbers have one; short codes and channel senders do not here). */
export interface SenderWebhook {
  smsUrl: string | null;
  smsMethod: string;
}

export interface WebhookTarget {
  url: string;
  method: HttpMethod;
}

export type InboundTarget =
  | { kind: "conversation" }
  | { kind: "webhook"; source: "number" | "service"; primary: WebhookTarget; fallback: WebhookTarget | null }
  | { kind: "none"; reason: string };

const method = (m: string): HttpMethod => (m.toUpperCase() === "GET" ? "GET" : "POST");

function numberTarget(sender: SenderWebhook | null): InboundTarget | null {
  if (!sender?.smsUrl) return null;
  return { kind: "webhook", source: "number", primary: { url: sender.smsUrl, method: method(sender.smsMethod) }, fallback: null };
}

export function resolveInboundTarget(service: InboundSettings | null, sender: SenderWebhook | null): InboundTarget {
  if (!service) return numberTarget(sender) ?? { kind: "none", reason: "The sender is in no service and has no webhook of its own." };
  switch (service.incomingHandling) {
    case "conversation":
      return { kind: "conversation" };
    case "webhook": {
      if (service.useInboundWebhookOnNumber) {
        const own = numberTarget(sender);
        if (own) return own;
      }
      if (!service.inboundRequestUrl) return { kind: "none", reason: "The service has no inbound request URL." };
      return {
        kind: "webhook",
        source: "service",
        primary: { url: service.inboundRequestUrl, method: method(service.inboundMethod) },
        fallback: service.fallbackUrl ? { url: service.fallbackUrl, method: method(service.fallbackMethod) } : null,
      };
    }
    default:
      return numberTarget(sender) ?? { kind: "none", reason: "The sender has no webhook of its own to defer to." };
  }
}
