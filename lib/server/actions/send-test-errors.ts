/**
 * Send Test refusals: which field a Twilio error code is about, and one line
 * saying what it means for the person testing (the code's own message comes
 * from the server).
 */
const FIELD_OF: Record<number, string> = {
  21211: "to",
  21604: "to",
  21408: "to",
  21610: "to",
  21612: "to",
  21614: "to",
  21635: "to",
  21212: "from",
  21606: "from",
  21602: "body",
  21617: "body",
  21619: "body",
  21620: "mediaUrls",
  21623: "mediaUrls",
};

const EXPLANATION: Record<number, string> = {
  21211: "Enter the recipient in E.164 form with its country code, such as +14155552671.",
  21408: "The service's Geo Permissions do not allow this country.",
  21610: "This recipient replied STOP to this service; they must text START before you can message them again.",
  21612: "No sender in the pool can reach this recipient by SMS.",
  21606: "This sender cannot send to this destination; leave From empty to let the pool choose.",
  21703: "No sender in the Sender Pool can reach this destination; add a number for this country to the pool.",
  21704: "The Sender Pool is empty; add a phone number, short code or alpha sender first.",
  21617: "Shorten the body: a message is at most 1600 characters.",
  21619: "Enter a body or at least one media URL.",
};

export interface SendFailure {
  code?: number;
  message: string;
  explanation?: string;
  field?: string;
}

export function describeSendFailure(code: number | undefined, message: string | undefined, fieldErrors: Record<string, string[]> | undefined): SendFailure {
  const fromSchema = fieldErrors ? Object.keys(fieldErrors)[0] : undefined;
  const field = (code !== undefined ? FIELD_OF[code] : undefined) ?? (code === undefined ? fromSchema : undefined);
  return {
    code,
    message: message ?? "The message was not sent.",
    explanation: code !== undefined ? EXPLANATION[code] : undefined,
    field,
  };
}

/** "Error 21610: Attempt to send… This recipient replied STOP…" */
export function failureLine(f: SendFailure): string {
  const head = f.code !== undefined ? `Error ${f.code}: ${f.message}` : f.message;
  return f.explanation ? `${head} ${f.explanation}` : head;
}
