import { httpMethod, optionalUrl } from "@/lib/server/validation/fields";
import { z } from "zod";
import { isIsoCountry } from "@/lib/core/senders/alpha-countries";
import { formBool } from "@/lib/server/validation/fields";
import { senderCarrierSid } from "@/lib/server/services/carriers/sender-carrier";

/** A short code entered into the account's inventory. */
export const createShortCodeSchema = z.object({
  shortCode: z.string({ error: "Short code is required" }).trim().regex(/^\d{5,6}$/, "A short code is 5 or 6 digits"),
  isoCountry: z
    .string({ error: "Choose a country" })
    .trim()
    .toUpperCase()
    .refine(isIsoCountry, "Choose a valid ISO country code"),
  smsEnabled: formBool.optional(),
  mmsEnabled: formBool.optional(),
});

/** 2010 SMS/ShortCodes update and the console: the carrier it sends through (blank = the account default). */
/** 2010 SMS/ShortCodes update: the short code's name, its own inbound webhook, and its carrier (the extension). */
export const updateShortCodeSchema = z.object({
  friendlyName: z.string().trim().max(64, "Friendly name must be at most 64 characters").optional(),
  smsUrl: optionalUrl.optional(),
  smsMethod: httpMethod.optional(),
  smsFallbackUrl: optionalUrl.optional(),
  smsFallbackMethod: httpMethod.optional(),
  carrierSid: senderCarrierSid.optional(),
});

export type CreateShortCodeInput = z.infer<typeof createShortCodeSchema>;
export type UpdateShortCodeInput = z.infer<typeof updateShortCodeSchema>;

/** REST answers: a CarrierSid that is malformed or not the account's (docs/carriers.md). */
export const SHORT_CODE_FIELD_ERROR_CODES: Partial<Record<string, number>> = { carrierSid: 21802, smsUrl: 21502, smsFallbackUrl: 21502 };
