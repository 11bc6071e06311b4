import type { A2pCampaign } from "@/lib/generated/prisma/client";
import { vettingErrors } from "@/lib/core/a2p/vetting";
import type { CampaignWithStatus } from "@/lib/server/services/compliance/a2p-registrations";
import { isoDate } from "../dates";
import { publicBaseUrl } from "../pagination";

const orNull = (v: string | null | undefined) => (v ? v : null);
const listOrNull = (v: string[]) => (v.length ? v : null);

/** v1 UsAppToPerson (the service's A2P campaign); campaign_status comes from the vetting simulator. */
export function usAppToPersonResource(c: CampaignWithStatus) {
  return {
    sid: c.sid,
    account_sid: c.accountSid,
    brand_registration_sid: c.brandSid,
    messaging_service_sid: c.serviceSid,
    description: orNull(c.description),
    message_samples: listOrNull(c.messageSamples),
    us_app_to_person_usecase: orNull(c.usecase),
    has_embedded_links: c.hasEmbeddedLinks,
    has_embedded_phone: c.hasEmbeddedPhone,
    subscriber_opt_in: c.subscriberOptIn,
    age_gated: c.ageGated,
    direct_lending: c.directLending,
    campaign_status: c.status,
    campaign_id: c.campaignId,
    is_externally_registered: c.externallyRegistered,
    // Per-carrier limits exist once carriers accepted the campaign (simulated standard-brand figures).
    rate_limits: c.status === "VERIFIED" ? { att: { mps: 75, msg_class: "A" }, tmobile: { brand_tier: "TOP" } } : null,
    message_flow: orNull(c.messageFlow),
    opt_in_message: c.optInMessage,
    opt_out_message: c.optOutMessage,
    help_message: c.helpMessage,
    opt_in_keywords: listOrNull(c.optInKeywords),
    opt_out_keywords: listOrNull(c.optOutKeywords),
    help_keywords: listOrNull(c.helpKeywords),
    date_created: isoDate(c.createdAt),
    date_updated: isoDate(c.updatedAt),
    url: `${publicBaseUrl()}/v1/Services/${c.serviceSid}/Compliance/Usa2p/${c.sid}`,
    mock: false,
    errors: vettingErrors(c.status, "campaign"),
  };
}

/** v1 ExternalCampaign: what PreregisteredUsa2p answers. */
export function externalCampaignResource(c: A2pCampaign) {
  return { sid: c.sid, account_sid: c.accountSid, campaign_id: c.campaignId, messaging_service_sid: c.serviceSid, date_created: isoDate(c.createdAt) };
}
