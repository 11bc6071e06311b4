import { z } from "zod";
import { isIsoCountry } from "@/lib/core/senders/alpha-countries";
import { formBool } from "@/lib/server/validation/fields";

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

export type CreateShortCodeInput = z.infer<typeof createShortCodeSchema>;
