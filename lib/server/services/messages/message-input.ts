import { z } from "zod";

/**
 * What createMessage accepts, from the REST API (form params renamed) or the
 * console's Send Test page. Everything arrives as strings on the wire, so the
 * schema only shapes values; the Twilio-coded checks (21604, 21603, ...) run
 * in createMessage in Twilio's order.
 */
const optionalString = z.preprocess((v) => {
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === "number" ? String(last) : last instanceof Date ? last.toISOString() : last;
}, z.string().optional());
const stringList = z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string())).optional();
const looseBool = z.preprocess((v) => {
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof last === "string" ? last.trim().toLowerCase() === "true" : last;
}, z.boolean().optional());

export const createMessageSchema = z.object({
  to: optionalString,
  from: optionalString,
  messagingServiceSid: optionalString,
  body: optionalString,
  mediaUrls: stringList,
  statusCallback: optionalString,
  validityPeriod: optionalString,
  scheduleType: optionalString,
  sendAt: optionalString,
  smartEncoded: looseBool,
  shortenUrls: looseBool,
  fallbackFrom: optionalString,
});

/** Typed input for in-process callers (console); the REST adapter passes renamed wire params. */
export interface CreateMessageInput {
  to?: string;
  from?: string;
  messagingServiceSid?: string;
  body?: string;
  mediaUrls?: string[];
  statusCallback?: string;
  validityPeriod?: string | number;
  scheduleType?: string;
  sendAt?: string | Date;
  smartEncoded?: boolean | string;
  shortenUrls?: boolean | string;
  fallbackFrom?: string;
}
export type ParsedCreateMessage = z.output<typeof createMessageSchema>;

/** Wire param -> field, for the REST adapter (twilio-node's exact keys). */
export const CREATE_MESSAGE_PARAMS: Record<string, string> = {
  To: "to",
  From: "from",
  MessagingServiceSid: "messagingServiceSid",
  Body: "body",
  MediaUrl: "mediaUrls",
  StatusCallback: "statusCallback",
  ValidityPeriod: "validityPeriod",
  ScheduleType: "scheduleType",
  SendAt: "sendAt",
  SmartEncoded: "smartEncoded",
  ShortenUrls: "shortenUrls",
  FallbackFrom: "fallbackFrom",
};
