import type { MessageMedia } from "@/lib/generated/prisma/client";
import { rfc2822 } from "../dates";

/** 2010 Media. Its `uri` has .json; the same path without it is the content (a redirect, docs/api.md "Media"). */
export function mediaResource(m: MessageMedia) {
  return {
    account_sid: m.accountSid,
    content_type: m.contentType,
    date_created: rfc2822(m.createdAt),
    date_updated: rfc2822(m.updatedAt),
    parent_sid: m.messageSid,
    sid: m.sid,
    uri: `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.messageSid}/Media/${m.sid}.json`,
  };
}
