import type { Alert } from "@/lib/generated/prisma/client";
import { moreInfoUrl } from "@/lib/core/errors";
import { alertSid } from "@/lib/server/services/alerts/query-alerts";
import { isoDate } from "../dates";
import { publicBaseUrl } from "../pagination";

/** Monitor v1 Alert. Request fields are null: our alerts come from routing, not from a webhook request. */
export function alertResource(a: Alert) {
  const sid = alertSid(a.id);
  return {
    account_sid: a.accountSid,
    alert_text: a.text,
    api_version: "2010-04-01",
    date_created: isoDate(a.createdAt),
    date_generated: isoDate(a.createdAt),
    date_updated: isoDate(a.createdAt),
    error_code: String(a.code),
    log_level: a.level,
    more_info: moreInfoUrl(a.code),
    request_method: null,
    request_url: null,
    request_variables: null,
    request_headers: null,
    response_body: null,
    response_headers: null,
    resource_sid: a.messageSid,
    service_sid: a.serviceSid,
    sid,
    url: `${publicBaseUrl()}/v1/Alerts/${sid}`,
  };
}
