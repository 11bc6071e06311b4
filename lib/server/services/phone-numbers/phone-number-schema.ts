import { z } from "zod";
import { INVENTORY_COUNTRIES, NUMBER_TYPES } from "@/lib/core/inventory/countries";
import { formBool, httpMethod, optionalUrl } from "@/lib/server/validation/fields";
import { senderCarrierSid } from "@/lib/server/services/carriers/sender-carrier";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const friendlyName = z.preprocess(
  blankToUndefined,
  z.string().trim().max(64, "Friendly name must be at most 64 characters").optional(),
);

/** AvailablePhoneNumbers search (console form and 2010 AvailablePhoneNumbers/{Country}/{Type}). */
export const searchAvailableNumbersSchema = z.object({
  country: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(INVENTORY_COUNTRIES, { error: "Choose a country" })),
  type: z.enum(NUMBER_TYPES, { error: "Choose local, mobile or toll-free" }),
  areaCode: z.preprocess(blankToUndefined, z.string().trim().regex(/^\d{1,5}$/, "Area code: 1 to 5 digits").optional()),
  capability: z.preprocess(blankToUndefined, z.enum(["SMS", "MMS", "Voice"], { error: "Capability must be SMS, MMS or Voice" }).optional()),
  limit: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number().int().min(1).max(100).optional(),
  ),
});

/**
 * Buying (2010 IncomingPhoneNumbers create): a given E.164 number, or the
 * first available one in an area code. Capabilities are optional: a number
 * of the simulated inventory keeps its own, any other number defaults to all.
 */
export const buyPhoneNumberSchema = z
  .object({
    phoneNumber: z.preprocess(blankToUndefined, z.string().trim().optional()),
    areaCode: z.preprocess(blankToUndefined, z.string().trim().regex(/^\d{3}$/, "Area code must be 3 digits").optional()),
    country: z.preprocess(blankToUndefined, z.enum(INVENTORY_COUNTRIES, { error: "Choose a country" }).optional()),
    friendlyName,
    smsUrl: optionalUrl.optional(),
    smsMethod: httpMethod.optional(),
    smsEnabled: formBool.optional(),
    mmsEnabled: formBool.optional(),
    voiceEnabled: formBool.optional(),
  })
  .refine((v) => v.phoneNumber !== undefined || v.areaCode !== undefined, {
    message: "Enter a phone number in E.164 format",
    path: ["phoneNumber"],
  });

/** What can change on a number (2010 IncomingPhoneNumbers update subset). */
export const updatePhoneNumberSchema = z.object({
  friendlyName,
  smsUrl: optionalUrl.optional(),
  smsMethod: httpMethod.optional(),
  /** The carrier this number sends through; blank = the account default (docs/carriers.md). */
  carrierSid: senderCarrierSid.optional(),
});

export type SearchAvailableNumbersInput = z.infer<typeof searchAvailableNumbersSchema>;
export type BuyPhoneNumberInput = z.infer<typeof buyPhoneNumberSchema>;
export type UpdatePhoneNumberInput = z.infer<typeof updatePhoneNumberSchema>;

/** Twilio error code for an invalid value of each field (REST answers). */
export const PHONE_NUMBER_FIELD_ERROR_CODES: Partial<Record<string, number>> = {
  phoneNumber: 21421,
  areaCode: 21452,
  smsUrl: 21502,
  carrierSid: 21802,
};
