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
export const UPDATE_SHORT_CODE_PARAMS: Record<string, string> = { CarrierSid: "carrierSid" };

/**
 * 2010 SMS/ShortCodes instance. Short codes here carry no name or webhook of
 * their own (inbound goes to the service), so the name is the code itself and
 * the SMS URL fields are the Twilio defaults.
 */
export function shortCode2010Resource(sc: ShortCode) {
  return {
    account_sid: sc.accountSid,
    api_version: "2010-04-01",
    carrier_sid: sc.carrierSid, // extension: null = routes, then the account default
    date_created: rfc2822(sc.createdAt),
    date_updated: rfc2822(sc.updatedAt),
    friendly_name: sc.shortCode,
    short_code: sc.shortCode,
    sid: sc.sid,
    sms_fallback_method: "POST",
    sms_fallback_url: null,
    sms_method: "POST",
    sms_url: null,
    uri: `/2010-04-01/Accounts/${sc.accountSid}/SMS/ShortCodes/${sc.sid}.json`,
  };
}
