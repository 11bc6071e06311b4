import { isoDate } from "@/lib/server/api/dates";
import { publicBaseUrl } from "@/lib/server/api/pagination";
import type { OptOutEntry } from "@/lib/server/services/opt-out/opt-out-list";

/**
 * Switchyard extension (Twilio has no opt-out list resource; docs/decisions.md
 * "Advanced Opt-Out"): one opted-out recipient of a service, v1 style.
 */
export function optOutResource(accountSid: string, e: OptOutEntry) {
  return {
    account_sid: accountSid,
    service_sid: e.serviceSid,
    phone_number: e.recipient,
    source: e.source,
    created_by: e.source === "console" ? (e.createdByEmail ?? e.createdBy) : e.createdBy,
    date_created: isoDate(e.createdAt),
    url: `${publicBaseUrl()}/v1/Services/${e.serviceSid}/OptOuts/${encodeURIComponent(e.recipient)}`,
  };
}
