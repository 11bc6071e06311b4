import type { Service } from "@/lib/generated/prisma/client";
import { isoDate } from "../dates";
import { publicBaseUrl } from "../pagination";

/** Wire param -> service field, for create and update (same set). */
export const SERVICE_PARAMS: Record<string, string> = {
  FriendlyName: "friendlyName",
  InboundRequestUrl: "inboundRequestUrl",
  InboundMethod: "inboundMethod",
  FallbackUrl: "fallbackUrl",
  FallbackMethod: "fallbackMethod",
  StatusCallback: "statusCallback",
  StickySender: "stickySender",
  MmsConverter: "mmsConverter",
  SmartEncoding: "smartEncoding",
  ScanMessageContent: "scanMessageContent",
  FallbackToLongCode: "fallbackToLongCode",
  AreaCodeGeomatch: "areaCodeGeomatch",
  ValidityPeriod: "validityPeriod",
  SynchronousValidation: "synchronousValidation",
  Usecase: "usecase",
  UseInboundWebhookOnNumber: "useInboundWebhookOnNumber",
};

/** `a2pRegistered`: the service's A2P campaign is VERIFIED (docs/api.md "A2P 10DLC"). */
export function serviceResource(s: Service, a2pRegistered = false) {
  const url = `${publicBaseUrl()}/v1/Services/${s.sid}`;
  return {
    account_sid: s.accountSid,
    sid: s.sid,
    friendly_name: s.friendlyName,
    date_created: isoDate(s.createdAt),
    date_updated: isoDate(s.updatedAt),
    inbound_request_url: s.inboundRequestUrl,
    inbound_method: s.inboundMethod,
    fallback_url: s.fallbackUrl,
    fallback_method: s.fallbackMethod,
    status_callback: s.statusCallback,
    sticky_sender: s.stickySender,
    mms_converter: s.mmsConverter,
    smart_encoding: s.smartEncoding,
    scan_message_content: s.scanMessageContent,
    fallback_to_long_code: s.fallbackToLongCode,
    area_code_geomatch: s.areaCodeGeomatch,
    synchronous_validation: s.synchronousValidation,
    validity_period: s.validityPeriod,
    url,
    links: {
      phone_numbers: `${url}/PhoneNumbers`,
      short_codes: `${url}/ShortCodes`,
      alpha_senders: `${url}/AlphaSenders`,
      messages: `${url}/Messages`,
      us_app_to_person: `${url}/Compliance/Usa2p`,
      us_app_to_person_usecases: `${url}/Compliance/Usa2p/Usecases`,
      channel_senders: `${url}/ChannelSenders`,
      destination_alpha_senders: `${url}/DestinationAlphaSenders`,
    },
    usecase: s.usecase,
    us_app_to_person_registered: a2pRegistered,
    use_inbound_webhook_on_number: s.useInboundWebhookOnNumber,
  };
}
