import type { ShortCode } from "@/lib/generated/prisma/client";
import { rfc2822 } from "../dates";
import { capabilityList, pooledBase, poolUrl } from "./phone-number";

/** v1 Services/{sid}/ShortCodes create: wire param -> schema field. */
export const ADD_SHORT_CODE_PARAMS: Record<string, string> = { ShortCodeSid: "shortCodeSid" };

export function serviceShortCodeResource(sc: ShortCode, serviceSid: string) {
  return {
    ...pooledBase(sc, serviceSid),
    short_code: sc.shortCode,
    country_code: sc.isoCountry,
    capabilities: capabilityList(sc),
    url: poolUrl(serviceSid, "ShortCodes", sc.sid),
  };
}

/** 2010 SMS/ShortCodes update: only the carrier binding is stored (an extension, docs/carriers.md). */
export const UPDATE_SHORT_CODE_PARAMS: Record<string, string> = {
  FriendlyName: "friendlyName",
  SmsUrl: "smsUrl",
  SmsMethod: "smsMethod",
  SmsFallbackUrl: "smsFallbackUrl",
  SmsFallbackMethod: "smsFallbackMethod",
  CarrierSid: "carrierSid",
};

/**
 * 2010 SMS/ShortCodes instance. An unnamed short code is named by its code;
 * the SMS URL fields are what SMS/ShortCodes update set (docs/api.md).
 */
export function shortCode2010Resource(sc: ShortCode) {
  return {
    account_sid: sc.accountSid,
    api_version: "2010-04-01",
    carrier_sid: sc.carrierSid, // extension: null = routes, then the account default
    date_created: rfc2822(sc.createdAt),
    date_updated: rfc2822(sc.updatedAt),
    friendly_name: sc.friendlyName ?? sc.shortCode,
    short_code: sc.shortCode,
    sid: sc.sid,
    sms_fallback_method: sc.smsFallbackMethod,
    sms_fallback_url: sc.smsFallbackUrl,
    sms_method: sc.smsMethod,
    sms_url: sc.smsUrl,
    uri: `/2010-04-01/Accounts/${sc.accountSid}/SMS/ShortCodes/${sc.sid}.json`,
  };
}
