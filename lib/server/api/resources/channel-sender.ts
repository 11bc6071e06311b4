import type { ChannelSender } from "@/lib/generated/prisma/client";
import { isoDate } from "../dates";
import { poolUrl } from "./phone-number";

/** v1 ChannelSenders create: `Sid` (XE...) of a sender the account already holds. */
export const ADD_CHANNEL_SENDER_PARAMS: Record<string, string> = { Sid: "channelSenderSid" };

/** Note the key: Twilio names the service `messaging_service_sid` on this resource only. */
export function channelSenderResource(cs: ChannelSender, serviceSid: string) {
  return {
    account_sid: cs.accountSid,
    messaging_service_sid: serviceSid,
    sid: cs.sid,
    sender: cs.sender,
    sender_type: cs.senderType,
    country_code: cs.countryCode,
    date_created: isoDate(cs.addedToServiceAt ?? cs.createdAt),
    date_updated: isoDate(cs.updatedAt),
    url: poolUrl(serviceSid, "ChannelSenders", cs.sid),
  };
}
