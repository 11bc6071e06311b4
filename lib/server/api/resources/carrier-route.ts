import type { CarrierRoute } from "@/lib/generated/prisma/client";
import { isoDate } from "../dates";
import { publicBaseUrl } from "../pagination";

export const CARRIER_ROUTE_PARAMS: Record<string, string> = { Prefix: "prefix", CarrierSids: "carrierSids" };

/** The CarrierRoute resource (extension): E.164 prefix to ordered carriers; the longest prefix wins. */
export function carrierRouteResource(r: CarrierRoute) {
  return {
    account_sid: r.accountSid,
    sid: r.sid,
    prefix: r.prefix,
    carrier_sids: r.carrierSids,
    date_created: isoDate(r.createdAt),
    date_updated: isoDate(r.updatedAt),
    url: `${publicBaseUrl()}/v1/CarrierRoutes/${r.sid}`,
  };
}
