/**
 * Twilio error codes used by Switchyard, with the messages Twilio returns
 * (api/CONTRACT.md section 5). The REST layer reuses this table; 21xxx and
 * 20xxx are synchronous API errors, 30xxx/63xxx are delivery errors.
 */
export const TWILIO_ERRORS = {
  20001: "Unknown parameters",
  20003: "Permission Denied",
  20004: "Method not allowed",
  20404: "The requested resource was not found",
  20429: "Too Many Requests",
  21211: "Invalid 'To' Phone Number",
  21212: "Invalid 'From' Number",
  21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number",
  21602: "Message body is required",
  21603: "A 'From' or 'MessagingServiceSid' parameter is required to send a message",
  21604: "A 'To' phone number is required",
  21606: "The 'From' phone number provided is not a valid message-capable phone number for this destination",
  21608: "The 'To' phone number provided is not yet verified for this account",
  21609: "Invalid StatusCallback URL",
  21610: "Attempt to send to unsubscribed recipient",
  21611: "This 'From' number has exceeded the maximum number of queued messages",
  21612: "The 'To' phone number is not currently reachable via SMS",
  21614: "'To' number is not a valid mobile number",
  21617: "The concatenated message body exceeds the 1600 character limit",
  21619: "A text message body or media urls must be specified",
  21620: "Invalid media URL(s)",
  21621: "The 'From' number has not been enabled for MMS",
  21622: "MMS has not been enabled for your account",
  21623: "Number of media files exceeds allowed limit",
  21635: "'To' number cannot be a landline",
  21701: "The Messaging Service does not exist",
  21702: "The Messaging Service is not available to send new messages",
  21703: "The Messaging Service does not have a phone number available to send a message to this destination",
  21704: "The Messaging Service contains no phone numbers",
  21705: "The Messaging Service is invalid",
  21708: "The Alpha Sender ID is missing from the request",
  21709: "The Alpha Sender ID is invalid or not authorized for this Messaging Service",
  21710: "The phone number is already in the Messaging Service",
  21711: "The phone number is not associated with this Messaging Service",
  21712: "The phone number or short code is associated with another Messaging Service",
  21713: "Invalid Messaging Service use case",
  21714: "The Messaging Service sender pool size limit has been reached",
  21715: "The phone number does not have SMS or MMS capability",
  30001: "Queue overflow",
  30002: "Account suspended",
  30003: "Unreachable destination handset",
  30004: "Message blocked",
  30005: "Unknown destination handset",
  30006: "Landline or unreachable carrier",
  30007: "Message filtered",
  30008: "Unknown error",
  30009: "Missing inbound segment",
  30010: "Message price exceeds max price",
  30022: "US A2P 10DLC - Rate Limits Exceeded",
  30023: "US A2P 10DLC - Daily Message Cap Reached",
  30032: "Toll-Free Number Has Not Been Verified",
  30034: "US A2P 10DLC - Message from an Unregistered Number",
  30036: "Validity Period Expired",
  30045: "Validity period out of range",
  35111: "SendAt is required when ScheduleType is set",
  35114: "Scheduling does not support this timestamp",
  35115: "SendAt is outside the allowed scheduling window",
  35118: "MessagingServiceSid is required to schedule a message",
  63003: "Channel could not find To address",
  90007: "Invalid validity period value",
} as const satisfies Record<number, string>;

export type TwilioErrorCode = keyof typeof TWILIO_ERRORS;

/** An expected failure with a Twilio code; `message` defaults to Twilio's text. */
export interface TwilioError {
  code: TwilioErrorCode;
  message: string;
}

export function twilioError(code: TwilioErrorCode, message: string = TWILIO_ERRORS[code]): TwilioError {
  return { code, message };
}

/** Twilio's documentation link for a code, as returned in `more_info`. */
export function moreInfoUrl(code: number): string {
  return `https://www.twilio.com/docs/errors/${code}`;
}
