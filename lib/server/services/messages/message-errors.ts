import { AppError } from "@/lib/server/errors";

/**
 * Messages for the Twilio error codes the Messages API and the pipeline
 * produce (CONTRACT section 5). Kept here until lib/core/errors.ts lands;
 * the REST API answers code + message verbatim, callbacks send the code.
 */
export const MESSAGE_ERRORS = {
  21211: "Invalid 'To' Phone Number",
  21212: "Invalid 'From' Number",
  21602: "Message body is required.",
  21603: "A 'From' phone number or a 'MessagingServiceSid' is required.",
  21604: "A 'To' phone number is required.",
  21606: "The 'From' phone number provided is not a valid message-capable phone number for this destination.",
  21609: "Invalid 'StatusCallback' URL",
  21610: "Attempt to send to unsubscribed recipient",
  21617: "The concatenated message body exceeds the 1600 character limit.",
  21623: "Too many media files: a message may carry at most 10 MediaUrl values.",
  21701: "The Messaging Service does not exist.",
  21703: "The Messaging Service has no sender available for this destination or message type.",
  21704: "The Messaging Service contains no phone numbers.",
  21705: "The Messaging Service is invalid.",
  30006: "Landline or unreachable carrier",
  30008: "Unknown error",
  30036: "Validity period expired",
  35111: "SendAt is required when ScheduleType is fixed.",
  35114: "Scheduling does not support this timestamp.",
  35115: "SendAt must be between 300 seconds and 35 days in the future.",
  35118: "MessagingServiceSid is required to schedule a message.",
  90007: "Invalid validity period value: it must be an integer between 1 and 36000.",
} as const satisfies Record<number, string>;

export type MessageErrorCode = keyof typeof MESSAGE_ERRORS;

export function errorMessageFor(code: number): string {
  return (MESSAGE_ERRORS as Record<number, string>)[code] ?? "Message delivery failed";
}

export function messageError(code: MessageErrorCode, detail?: string): AppError {
  return new AppError(code, detail ? `${MESSAGE_ERRORS[code]} ${detail}` : MESSAGE_ERRORS[code], 400);
}
