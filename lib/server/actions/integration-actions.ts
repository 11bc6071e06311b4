"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/server/actions/action-state";
import { saveServiceSettings } from "@/lib/server/actions/save-service-settings";
import { serviceShape } from "@/lib/server/services/messaging-services/service-schema";

/**
 * The Integration section's fields, with the service schema's own rules
 * (absolute http(s) URLs, GET/POST, 1-36000 s). One rule more for the
 * console: choosing "Send a webhook" needs a request URL, or the choice
 * would silently do nothing (the API keeps Twilio's "null disables inbound").
 */
const integrationSchema = z
  .object({
    sid: z.string(),
    incomingHandling: serviceShape.incomingHandling,
    inboundRequestUrl: serviceShape.inboundRequestUrl.optional(),
    inboundMethod: serviceShape.inboundMethod.optional(),
    fallbackUrl: serviceShape.fallbackUrl.optional(),
    fallbackMethod: serviceShape.fallbackMethod.optional(),
    useInboundWebhookOnNumber: serviceShape.useInboundWebhookOnNumber.optional(),
    statusCallback: serviceShape.statusCallback,
    validityPeriod: serviceShape.validityPeriod,
  })
  .superRefine((v, ctx) => {
    if (v.incomingHandling === "webhook" && !v.inboundRequestUrl) {
      ctx.addIssue({ code: "custom", path: ["inboundRequestUrl"], message: "Enter the URL incoming messages are sent to" });
    }
  });

export async function updateIntegrationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return saveServiceSettings(integrationSchema, form);
}
