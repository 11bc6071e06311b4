import { TWILIO_ERRORS, twilioMessage, type TwilioErrorCode } from "@/lib/core/errors";

/**
 * The one error type of the server layer. `code` is a Twilio error code where
 * one applies (the REST API answers it verbatim); `field` points a form error
 * at its input in the console. Anything that is not an AppError is unexpected:
 * it is logged and answered generically.
 */
export class AppError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status: number = 400,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** An AppError for a code of the one table (lib/core/errors.ts): its message, with an optional detail, and its HTTP status. */
export function twilioAppError(code: TwilioErrorCode, detail?: string): AppError {
  return new AppError(code, twilioMessage(code, detail), TWILIO_ERRORS[code].status);
}

export const notFound = (what = "The requested resource was not found") => new AppError(20404, what, 404);

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}
