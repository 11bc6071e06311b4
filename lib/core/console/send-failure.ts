/**
 * Send Test refusals and failures: which form field a Twilio error code is
 * about, and one line saying what it means for the person testing (the
 * code's own message comes from the server). Pure data, so the Send Test
 * form (a synchronous refusal) and its Delivery panel (a failure at
 * dispatch, such as 21703) explain a code the same way.
 */
const FIELD_OF: Readonly<Record<number, string>> = {
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

const EXPLANATION: Readonly<Record<number, string>> = {
  21211: "Enter the recipient in E.164 form with its country code, such as +14155552671.",
  21408: "The service's Geo Permissions do not allow this country.",
  21602: "Enter a body or at least one media URL.",
  21610: "This recipient replied STOP to this service; they must text START before you can message them again.",
  21612: "No sender in the pool can reach this recipient by SMS.",
  21606: "This sender cannot send to this destination; leave From empty to let the pool choose.",
  21703: "No sender in the Sender Pool can reach this destination; add a sender for this country (or channel) to the pool.",
  21704: "The Sender Pool is empty; add a phone number, short code or alpha sender first.",
  21617: "Shorten the body: a message is at most 1600 characters.",
  21619: "Enter a body or at least one media URL.",
  21623: "A message carries at most 10 media URLs.",
  30034: "US long codes need a verified A2P 10DLC campaign for this service (Compliance tab).",
  30036: "The message waited longer than its validity period; raise it or add senders.",
};

/** The one-line explanation of a code, when there is one. */
export function explainErrorCode(code: number | null | undefined): string | undefined {
  return code === null || code === undefined ? undefined : EXPLANATION[code];
}

export interface SendFailure {
  code?: number;
  message: string;
  explanation?: string;
  /** The form field the failure is about, when it is about one. */
  field?: string;
}

/**
 * A refusal with a code goes under the field the code is about; one without
 * a code (the form's own validation) under the first field the schema named.
 */
export function describeSendFailure(code: number | undefined, message: string | undefined, fieldErrors: Record<string, string[]> | undefined): SendFailure {
  const fromSchema = fieldErrors ? Object.keys(fieldErrors)[0] : undefined;
  const field = code !== undefined ? FIELD_OF[code] : fromSchema;
  return { code, message: message ?? "The message was not sent.", explanation: explainErrorCode(code), field };
}

/** "Error 21610: Attempt to send… This recipient replied STOP…" */
export function failureLine(f: SendFailure): string {
  const head = f.code !== undefined ? `Error ${f.code}: ${f.message}` : f.message;
  return f.explanation ? `${head} ${f.explanation}` : head;
}
