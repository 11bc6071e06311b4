import { z } from "zod";
import { A2P_USECASE_CODES } from "@/lib/core/a2p/vetting";
import { formBool, optionalUrl } from "@/lib/server/validation/fields";

/** Repeated form keys arrive as an array, a single one as a string: both are a list here. */
const list = (item: z.ZodType<string>) => z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item));
const keyword = z.string().trim().min(1).max(255);

/** A brand (console): the company and what it does; vetting reads the description. */
export const createBrandSchema = z.object({
  companyName: z.string({ error: "Company name is required" }).trim().min(1, "Company name is required").max(255),
  description: z.string({ error: "Description is required" }).trim().min(1, "Description is required").max(4096),
});

const campaignFields = {
  description: z.string({ error: "Description is required" }).trim().min(40, "Description must be 40 to 4096 characters").max(4096, "Description must be 40 to 4096 characters"),
  messageFlow: z.string({ error: "Message flow is required" }).trim().min(40, "Message flow must be 40 to 2048 characters").max(2048, "Message flow must be 40 to 2048 characters"),
  messageSamples: list(z.string().trim().min(20, "Each sample must be 20 to 1024 characters").max(1024, "Each sample must be 20 to 1024 characters")).pipe(
    z.array(z.string()).min(2, "Give 2 to 5 message samples").max(5, "Give 2 to 5 message samples"),
  ),
  hasEmbeddedLinks: formBool,
  hasEmbeddedPhone: formBool,
  ageGated: formBool.optional(),
  directLending: formBool.optional(),
  privacyPolicyUrl: optionalUrl.optional(),
  termsUrl: optionalUrl.optional(),
};

/** v1 Compliance/Usa2p create (and the console's campaign step). */
export const createCampaignSchema = z.object({
  brandSid: z.string({ error: "Choose a brand" }).trim().regex(/^BN[0-9a-fA-F]{32}$/, "Choose a brand"),
  usecase: z.string({ error: "Choose a use case" }).trim().refine((v) => A2P_USECASE_CODES.includes(v), "Choose a use case"),
  ...campaignFields,
  subscriberOptIn: formBool.optional(),
  optInMessage: z.string().trim().max(2048).optional(),
  optOutMessage: z.string().trim().max(2048).optional(),
  helpMessage: z.string().trim().max(2048).optional(),
  optInKeywords: list(keyword).optional(),
  optOutKeywords: list(keyword).optional(),
  helpKeywords: list(keyword).optional(),
});

/** v1 Compliance/Usa2p/{QE} update: the fields Twilio lets change, all required but the URLs. */
export const updateCampaignSchema = z.object({ ...campaignFields, ageGated: formBool, directLending: formBool });

/** v1 Services/PreregisteredUsa2p: a campaign registered elsewhere (TCR campaign ID). */
export const preregisteredCampaignSchema = z.object({
  campaignId: z.string({ error: "CampaignId is required" }).trim().regex(/^C[A-Z0-9]{6}$/, "CampaignId is a TCR campaign ID (C and 6 letters or digits)"),
  serviceSid: z.string({ error: "MessagingServiceSid is required" }).trim().regex(/^MG[0-9a-fA-F]{32}$/, "MessagingServiceSid must be an MG SID"),
});

export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

export const CAMPAIGN_PARAMS: Record<string, string> = {
  BrandRegistrationSid: "brandSid",
  UsAppToPersonUsecase: "usecase",
  Description: "description",
  MessageFlow: "messageFlow",
  MessageSamples: "messageSamples",
  HasEmbeddedLinks: "hasEmbeddedLinks",
  HasEmbeddedPhone: "hasEmbeddedPhone",
  SubscriberOptIn: "subscriberOptIn",
  AgeGated: "ageGated",
  DirectLending: "directLending",
  OptInMessage: "optInMessage",
  OptOutMessage: "optOutMessage",
  HelpMessage: "helpMessage",
  OptInKeywords: "optInKeywords",
  OptOutKeywords: "optOutKeywords",
  HelpKeywords: "helpKeywords",
  PrivacyPolicyUrl: "privacyPolicyUrl",
  TermsAndConditionsUrl: "termsUrl",
};
