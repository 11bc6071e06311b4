/**
 * The one table of the Twilio error codes Switchyard answers: each code's
 * message and HTTP status (docs/architecture.md "Errors"). The REST API answers code + message
 * verbatim, callbacks and stored messages carry the code, the routing core
 * returns them as values. 21xxx and 20xxx are synchronous API errors,
 * 30xxx/63xxx are delivery errors, 301xx are link shortening's. Where two
 * contexts need more than the message, the call adds a detail; the table
 * stays one.
 */
export const TWILIO_ERRORS = {
  20001: { message: "Unknown parameters", status: 400 },
  20003: { message: "Permission Denied", status: 401 },
  20004: { message: "Method not allowed", status: 405 },
  20404: { message: "The requested resource was not found", status: 404 },
  20429: { message: "Too Many Requests", status: 429 },
  21211: { message: "Invalid 'To' Phone Number", status: 400 },
  21212: { message: "Invalid 'From' Number", status: 400 },
  21408: { message: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number", status: 400 },
  21602: { message: "Message body is required.", status: 400 },
  21603: { message: "A 'From' phone number or a 'MessagingServiceSid' is required.", status: 400 },
  21604: { message: "A 'To' phone number is required.", status: 400 },
  21606: { message: "The 'From' phone number provided is not a valid message-capable phone number for this destination.", status: 400 },
  21608: { message: "The 'To' phone number provided is not yet verified for this account", status: 400 },
  21609: { message: "Invalid 'StatusCallback' URL", status: 400 },
  21610: { message: "Attempt to send to unsubscribed recipient", status: 400 },
  21611: { message: "This 'From' number has exceeded the maximum number of queued messages", status: 400 },
  21612: { message: "The 'To' phone number is not currently reachable via SMS", status: 400 },
  21614: { message: "'To' number is not a valid mobile number", status: 400 },
  21617: { message: "The concatenated message body exceeds the 1600 character limit.", status: 400 },
  21619: { message: "A text message body or media urls must be specified", status: 400 },
  21620: { message: "Invalid media URL(s)", status: 400 },
  21621: { message: "The 'From' number has not been enabled for MMS", status: 400 },
  21622: { message: "MMS has not been enabled for your account", status: 400 },
  21623: { message: "Too many media files: a message may carry at most 10 MediaUrl values.", status: 400 },
  21635: { message: "'To' number cannot be a landline", status: 400 },
  21701: { message: "The Messaging Service does not exist.", status: 400 },
  21702: { message: "The Messaging Service is not available to send new messages", status: 400 },
  21703: { message: "The Messaging Service has no sender available for this destination or message type.", status: 400 },
  21704: { message: "The Messaging Service contains no phone numbers.", status: 400 },
  21705: { message: "The Messaging Service is invalid.", status: 400 },
  21708: { message: "The Alpha Sender ID is missing from the request", status: 400 },
  21709: { message: "The Alpha Sender ID is invalid or not authorized for this Messaging Service", status: 400 },
  21710: { message: "The phone number is already in the Messaging Service", status: 400 },
  21711: { message: "The phone number is not associated with this Messaging Service", status: 400 },
  21712: { message: "The phone number or short code is associated with another Messaging Service", status: 400 },
  21713: { message: "Invalid Messaging Service use case", status: 400 },
  21714: { message: "The Messaging Service sender pool size limit has been reached", status: 400 },
  21715: { message: "The phone number does not have SMS or MMS capability", status: 400 },
  30001: { message: "Queue overflow", status: 400 },
  30002: { message: "Account suspended", status: 400 },
  30003: { message: "Unreachable destination handset", status: 400 },
  30004: { message: "Message blocked", status: 400 },
  30005: { message: "Unknown destination handset", status: 400 },
  30006: { message: "Landline or unreachable carrier", status: 400 },
  30007: { message: "Message filtered", status: 400 },
  30008: { message: "Unknown error", status: 400 },
  30009: { message: "Missing inbound segment", status: 400 },
  30010: { message: "Message price exceeds max price", status: 400 },
  30022: { message: "US A2P 10DLC - Rate Limits Exceeded", status: 400 },
  30023: { message: "US A2P 10DLC - Daily Message Cap Reached", status: 400 },
  30032: { message: "Toll-Free Number Has Not Been Verified", status: 400 },
  30034: { message: "US A2P 10DLC - Message from an Unregistered Number", status: 400 },
  30036: { message: "Validity period expired", status: 400 },
  30045: { message: "Validity period out of range", status: 400 },
  30101: { message: "Link shortening needs a Messaging Service with a link shortening domain (MessagingServiceSid with a domain associated).", status: 400 },
  30103: { message: "Links not shortened due to an application failure.", status: 503 },
  30107: { message: "The link shortening domain has no validated TLS certificate yet.", status: 400 },
  30130: { message: "This Messaging Service already belongs to another domain configuration.", status: 400 },
  35111: { message: "SendAt is required when ScheduleType is fixed.", status: 400 },
  35114: { message: "Scheduling does not support this timestamp.", status: 400 },
  35115: { message: "SendAt must be between 300 seconds and 35 days in the future.", status: 400 },
  35118: { message: "MessagingServiceSid is required to schedule a message.", status: 400 },
  63003: { message: "Channel could not find To address", status: 400 },
  90007: { message: "Invalid validity period value: it must be an integer between 1 and 36000.", status: 400 },
} as const satisfies Record<number, { message: string; status: number }>;

export type TwilioErrorCode = keyof typeof TWILIO_ERRORS;

/** An expected failure with a Twilio code; `message` defaults to the table's text. */
export interface TwilioError {
  code: TwilioErrorCode;
  message: string;
}

export function twilioError(code: TwilioErrorCode, message: string = TWILIO_ERRORS[code].message): TwilioError {
  return { code, message };
}

/** The table's message followed by a per-call detail, when there is one. */
export function twilioMessage(code: TwilioErrorCode, detail?: string): string {
  const message = TWILIO_ERRORS[code].message;
  return detail ? `${message} ${detail}` : message;
}

/** The message stored with a failed message's error code; codes outside the table read as a generic failure. */
export function errorMessageFor(code: number): string {
  return code in TWILIO_ERRORS ? TWILIO_ERRORS[code as TwilioErrorCode].message : "Message delivery failed";
}

/** Twilio's documentation link for a code, as returned in `more_info`. */
export function moreInfoUrl(code: number): string {
  return `https://www.twilio.com/docs/errors/${code}`;
}
