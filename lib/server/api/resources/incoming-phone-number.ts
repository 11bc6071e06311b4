import type { PhoneNumber } from "@/lib/generated/prisma/client";
import { assertAccountPath, authenticate } from "../credentials";
import { rfc2822 } from "../dates";

/** 2010 IncomingPhoneNumbers create (buy): wire param -> buyPhoneNumberSchema field. */
export const BUY_PHONE_NUMBER_PARAMS: Record<string, string> = {
  PhoneNumber: "phoneNumber",
  AreaCode: "areaCode",
  FriendlyName: "friendlyName",
  SmsUrl: "smsUrl",
  SmsMethod: "smsMethod",
};

/** 2010 IncomingPhoneNumbers update: the subset this server stores. */
export const UPDATE_PHONE_NUMBER_PARAMS: Record<string, string> = {
  FriendlyName: "friendlyName",
  SmsUrl: "smsUrl",
  SmsMethod: "smsMethod",
  CarrierSid: "carrierSid", // extension: the carrier this number sends through (docs/carriers.md)
};

/** The IncomingPhoneNumber `type` as Twilio writes it: "tollfree" without the underscore our column has. */
const WIRE_NUMBER_TYPE: Record<string, string> = { local: "local", mobile: "mobile", toll_free: "tollfree" };

/** Every 2010 handler: Basic auth, and the account in the path must be the caller's own. */
export async function authenticateAccountPath(req: Request, pathAccountSid: string): Promise<string> {
  const principal = await authenticate(req);
  assertAccountPath(principal, pathAccountSid);
  return principal.accountSid;
}

/** Instance segments arrive as "PN….json": the suffix is the 2010 API's format marker, not part of the SID. */
export const stripJson = (segment: string) => segment.replace(/\.json$/, "");

/**
 * 2010 IncomingPhoneNumber. Capabilities keys are lower-case here (unlike
 * AvailablePhoneNumbers). Voice, emergency and address fields are constants:
 * this server carries messaging only, and a number's own inbound webhook is
 * sms_url + sms_method.
 */
export function incomingPhoneNumberResource(n: PhoneNumber) {
  return {
    account_sid: n.accountSid,
    address_requirements: "none",
    address_sid: null,
    api_version: "2010-04-01",
    beta: false,
    bundle_sid: null,
    // Extension (docs/carriers.md): the carrier this number sends through, null = routes then the account default.
    carrier_sid: n.carrierSid,
    capabilities: { voice: n.voiceEnabled, sms: n.smsEnabled, mms: n.mmsEnabled, fax: false },
    date_created: rfc2822(n.createdAt),
    date_updated: rfc2822(n.updatedAt),
    emergency_address_sid: null,
    emergency_address_status: "unregistered",
    emergency_status: "Inactive",
    friendly_name: n.friendlyName,
    identity_sid: null,
    origin: "twilio",
    phone_number: n.phoneNumber,
    sid: n.sid,
    sms_application_sid: null,
    sms_fallback_method: "POST",
    sms_fallback_url: null,
    sms_method: n.smsMethod,
    sms_url: n.smsUrl,
    status: "in-use",
    status_callback: null,
    status_callback_method: "POST",
    trunk_sid: null,
    type: WIRE_NUMBER_TYPE[n.numberType] ?? n.numberType,
    uri: `/2010-04-01/Accounts/${n.accountSid}/IncomingPhoneNumbers/${n.sid}.json`,
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: "POST",
    voice_fallback_url: null,
    voice_method: "POST",
    voice_receive_mode: "voice",
    voice_url: null,
  };
}
