import { z } from "zod";
import { isIsoCountry } from "@/lib/core/senders/alpha-countries";

const sidOf = (prefix: string, what: string) =>
  z
    .string({ error: `Choose a ${what}` })
    .trim()
    .regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `Choose a ${what}`);

const isoCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isIsoCountry, "Enter a valid ISO 3166 country code, e.g. FR");

/** v1 Services/{sid}/PhoneNumbers create (PhoneNumberSid). */
export const addPhoneNumberSchema = z.object({ phoneNumberSid: sidOf("PN", "phone number") });
/** v1 Services/{sid}/ShortCodes create (ShortCodeSid). */
export const addShortCodeSchema = z.object({ shortCodeSid: sidOf("SC", "short code") });
/** v1 Services/{sid}/ChannelSenders create (Sid of an XE sender of the account). */
export const addChannelSenderSidSchema = z.object({ channelSenderSid: sidOf("XE", "channel sender") });

/**
 * v1 AlphaSenders / DestinationAlphaSenders create. The ID itself is checked
 * by the service (error 21709 for every caller); an empty country means the
 * service-wide default.
 */
export const addAlphaSenderSchema = z.object({
  alphaSender: z.string({ error: "Alpha sender ID is required" }),
  isoCountryCode: z.preprocess((v) => (v === "" || v === null ? undefined : v), isoCode.optional()),
});

/** Console: create a WhatsApp (whatsapp:+E164) or RCS (rcs:agent_id) sender and add it to the pool. */
export const addChannelSenderSchema = z.object({
  sender: z.string({ error: "Sender is required" }).trim().min(1, "Sender is required"),
  // Comma/space separated in a text field, repeated keys from the REST API.
  countries: z.preprocess(
    (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => (typeof s === "string" ? s.split(/[\s,]+/) : [s])).filter((s) => s !== "")),
    z.array(isoCode).max(250),
  ),
});

/** Removing any sender: the SID prefix (PN, SC, AI, XE) tells the kind. */
export const removeSenderSchema = z.object({ senderSid: z.string().trim().regex(/^(PN|SC|AI|XE)[0-9a-fA-F]{32}$/, "Unknown sender") });

export type AddAlphaSenderInput = z.infer<typeof addAlphaSenderSchema>;
export type AddChannelSenderInput = z.infer<typeof addChannelSenderSchema>;

/** Twilio error code for an invalid value of each field (REST answers). */
export const SENDER_POOL_FIELD_ERROR_CODES: Partial<Record<string, number>> = {
  phoneNumberSid: 21421,
  shortCodeSid: 21421,
  alphaSender: 21709,
  isoCountryCode: 21709,
};
