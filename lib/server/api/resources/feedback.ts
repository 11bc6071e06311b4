import type { MessageFeedback } from "@/lib/generated/prisma/client";
import { rfc2822 } from "../dates";

export function feedbackResource(f: MessageFeedback) {
  return {
    account_sid: f.accountSid,
    message_sid: f.messageSid,
    outcome: f.outcome,
    date_created: rfc2822(f.createdAt),
    date_updated: rfc2822(f.updatedAt),
    uri: `/2010-04-01/Accounts/${f.accountSid}/Messages/${f.messageSid}/Feedback.json`,
  };
}
