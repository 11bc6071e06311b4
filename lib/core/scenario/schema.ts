import { z } from "zod";
import { SENDER_TYPES } from "../senders/sender-type";

/** Zod schemas for routing scenario files (docs/routing.md "Scenario files and the CLI"). */

const country = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 country code like US");

export const senderSchema = z.strictObject({
  id: z.string().min(1),
  type: z.enum(SENDER_TYPES),
  address: z.string().min(1),
  country: country.optional(),
  countries: z.array(country).optional(),
  capabilities: z.array(z.enum(["SMS", "MMS", "Voice"])).optional(),
  a2pRegistered: z.boolean().optional(),
});

export const serviceSchema = z.strictObject({
  stickySender: z.boolean().optional(),
  areaCodeGeomatch: z.boolean().optional(),
  smartEncoding: z.boolean().optional(),
  mmsConverter: z.boolean().optional(),
  enforceUsA2p: z.boolean().optional(),
});

const prefixes = z.array(z.string().regex(/^\+\d*$/, "expected an E.164 prefix like +1415"));

export const carriersSchema = z.strictObject({
  noShortCode: prefixes.optional(),
  noMms: prefixes.optional(),
  rcsCapable: prefixes.optional(),
});

export const sendSchema = z.strictObject({
  to: z.string(),
  body: z.string().optional(),
  mediaUrls: z.array(z.string()).optional(),
  from: z.string().optional(),
  fallbackFrom: z.string().optional(),
});

export const STEP_KINDS = ["send", "removeSender", "addSender", "setService"] as const;

export const stepSchemas = {
  send: sendSchema,
  removeSender: z.string().min(1),
  addSender: senderSchema,
  setService: serviceSchema,
} as const;

export type Step =
  | { send: z.infer<typeof sendSchema> }
  | { removeSender: string }
  | { addSender: z.infer<typeof senderSchema> }
  | { setService: z.infer<typeof serviceSchema> };

export const scenarioShape = z.strictObject({
  service: serviceSchema.optional(),
  senders: z.array(senderSchema),
  carriers: carriersSchema.optional(),
  // Each step is checked on its own (parse-scenario.ts) for precise paths.
  steps: z.array(z.unknown()),
});

export interface Scenario {
  service: z.infer<typeof serviceSchema>;
  senders: z.infer<typeof senderSchema>[];
  carriers: z.infer<typeof carriersSchema>;
  steps: Step[];
}
