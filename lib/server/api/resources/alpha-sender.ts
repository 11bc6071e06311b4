import type { AlphaSender } from "@/lib/generated/prisma/client";
import { isoDate } from "../dates";
import { poolUrl } from "./phone-number";

/** v1 AlphaSenders / DestinationAlphaSenders create: wire param -> schema field. */
export const ADD_ALPHA_SENDER_PARAMS: Record<string, string> = { AlphaSender: "alphaSender", IsoCountryCode: "isoCountryCode" };

/**
 * AlphaSenders is the service-wide default only (iso_country_code ""), so it
 * is the same row seen through a narrower door: `collection` names the door
 * the client came through, for the url.
 */
export function alphaSenderResource(a: AlphaSender, collection: "AlphaSenders" | "DestinationAlphaSenders") {
  const base = {
    sid: a.sid,
    account_sid: a.accountSid,
    service_sid: a.serviceSid,
    date_created: isoDate(a.createdAt),
    date_updated: isoDate(a.updatedAt),
    alpha_sender: a.alphaSender,
    capabilities: ["SMS"],
    url: poolUrl(a.serviceSid, collection, a.sid),
  };
  return collection === "AlphaSenders" ? base : { ...base, iso_country_code: a.isoCountryCode };
}

/** AlphaSenders create takes no country: it always sets the service-wide default. */
export const ADD_DEFAULT_ALPHA_SENDER_PARAMS: Record<string, string> = { AlphaSender: "alphaSender" };
