import { z } from "zod";
import { USECASES } from "@/lib/core/messaging-services/usecases";
import { formBool, httpMethod, intInRange, optionalUrl } from "@/lib/server/validation/fields";

const usecase = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z.enum(USECASES.map((u) => u.usecase) as [string, ...string[]], {
    error: "Use case must be one of notifications, marketing, verification, discussion, poll, undeclared",
  }),
);

/** Every settable property of a Messaging Service (v1 Service resource). */
export const serviceShape = {
  friendlyName: z
    .string({ error: "Friendly name is required" })
    .trim()
    .min(1, "Friendly name is required")
    .max(64, "Friendly name must be at most 64 characters"),
  usecase,
  inboundRequestUrl: optionalUrl,
  inboundMethod: httpMethod,
  fallbackUrl: optionalUrl,
  fallbackMethod: httpMethod,
  statusCallback: optionalUrl,
  stickySender: formBool,
  mmsConverter: formBool,
  smartEncoding: formBool,
  scanMessageContent: z.enum(["inherit", "enable", "disable"], { error: "Must be inherit, enable or disable" }),
  fallbackToLongCode: formBool,
  areaCodeGeomatch: formBool,
  validityPeriod: intInRange(1, 36000, "Validity period must be a whole number of seconds from 1 to 36000"),
  synchronousValidation: formBool,
  useInboundWebhookOnNumber: formBool,
  incomingHandling: z.enum(["defer", "webhook", "conversation"], { error: "Choose how incoming messages are handled" }),
  senderIdPreregAlert: formBool,
};

export const createServiceSchema = z.object(serviceShape).partial().required({ friendlyName: true });
export const updateServiceSchema = z.object(serviceShape).partial();

export type CreateServiceInput = z.infer<typeof createServiceSchema>;
export type UpdateServiceInput = z.infer<typeof updateServiceSchema>;

/** Twilio error code for an invalid value of each field (REST answers). */
export const SERVICE_FIELD_ERROR_CODES: Partial<Record<keyof typeof serviceShape, number>> = {
  usecase: 21713,
  validityPeriod: 90007,
  statusCallback: 21609,
};
