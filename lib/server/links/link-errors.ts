import { AppError } from "@/lib/server/errors";

/** Twilio's link-shortening error codes (twilio.com/docs/api/errors/301xx) plus the rate limit. */
export const LINK_ERRORS = {
  20429: "Too many requests: link shortening is limited to 100 requests per second per account; links were not shortened and the message was not sent.",
  30101: "Link shortening needs a Messaging Service with a link shortening domain (MessagingServiceSid with a domain associated).",
  30103: "Links not shortened due to an application failure.",
  30107: "The link shortening domain has no validated TLS certificate yet.",
  30130: "This Messaging Service already belongs to another domain configuration.",
} as const;

export function linkError(code: keyof typeof LINK_ERRORS, status = code === 20429 ? 429 : 400): AppError {
  return new AppError(code, LINK_ERRORS[code], status);
}
