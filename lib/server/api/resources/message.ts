import { rfc2822 } from "@/lib/server/api/dates";
import type { Message } from "@/lib/server/message-state/message-columns";

/** Statuses before a sender is chosen: Twilio reports num_segments "0" then. */
const UNROUTED = new Set(["accepted", "scheduled"]);

/** docs/wire-contract.md "Messages resource" Message: snake_case, RFC-2822 dates, num_* as strings, relative uri. */
export function messageResource(m: Message) {
  const uri = `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}.json`;
  return {
    account_sid: m.accountSid,
    api_version: "2010-04-01",
    body: m.body,
    date_created: rfc2822(m.createdAt),
    date_sent: rfc2822(m.dateSent),
    date_updated: rfc2822(m.updatedAt),
    direction: m.direction,
    error_code: m.errorCode,
    error_message: m.errorMessage,
    from: m.from,
    messaging_service_sid: m.serviceSid,
    num_media: String(m.mediaUrls.length),
    num_segments: UNROUTED.has(m.status) && m.direction !== "inbound" ? "0" : String(m.numSegments),
    price: null,
    price_unit: "USD",
    sid: m.sid,
    status: m.status,
    subresource_uris: {
      media: `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}/Media.json`,
      feedback: `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}/Feedback.json`,
    },
    to: m.to,
    uri,
  };
}
