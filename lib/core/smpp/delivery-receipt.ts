/**
 * SMPP 3.4 delivery receipts (Appendix B text format, and the
 * receipted_message_id / message_state TLVs of 5.3.2) and their mapping to a
 * final Twilio status. docs/carriers.md "Delivery reports" has the table.
 */

export type ReceiptOutcome = "delivered" | "undelivered" | "failed";

export interface ReceiptText {
  id: string;
  sub?: string;
  dlvrd?: string;
  submitDate?: string;
  doneDate?: string;
  stat: string;
  err?: string;
  text?: string;
}

const FIELD = /(id|sub|dlvrd|submit date|done date|stat|err|text):/gi;

/**
 * Parses `id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…`.
 * Field names are matched case-insensitively, in any order; `text:` takes the
 * rest of the line. Returns null without an id and a stat (not a receipt).
 */
export function parseReceiptText(body: string): ReceiptText | null {
  const hits: { key: string; start: number; valueStart: number }[] = [];
  for (const m of body.matchAll(FIELD)) {
    const key = (m[1] ?? "").toLowerCase();
    // A key only counts at the start or after whitespace ("stat:" inside a text field is text).
    const before = m.index === 0 ? " " : body.charAt(m.index - 1);
    if (!/\s/.test(before)) continue;
    if (hits.some((h) => h.key === "text")) break;
    hits.push({ key, start: m.index, valueStart: m.index + m[0].length });
  }
  const fields = new Map<string, string>();
  hits.forEach((h, i) => {
    const end = i + 1 < hits.length ? (hits[i + 1]?.start ?? body.length) : body.length;
    const raw = body.slice(h.valueStart, end);
    if (!fields.has(h.key)) fields.set(h.key, h.key === "text" ? raw.replace(/^\s/, "") : raw.trim());
  });
  const id = fields.get("id");
  const stat = fields.get("stat");
  if (!id || !stat) return null;
  return {
    id,
    stat: stat.toUpperCase(),
    sub: fields.get("sub"),
    dlvrd: fields.get("dlvrd"),
    submitDate: fields.get("submit date"),
    doneDate: fields.get("done date"),
    err: fields.get("err"),
    text: fields.get("text"),
  };
}

/** message_state TLV values (SMPP 3.4 5.2.28) → the stat words of the text format. */
const MESSAGE_STATES: Record<number, string> = {
  1: "ENROUTE",
  2: "DELIVRD",
  3: "EXPIRED",
  4: "DELETED",
  5: "UNDELIV",
  6: "ACCEPTD",
  7: "UNKNOWN",
  8: "REJECTD",
};

export function statFromMessageState(state: number): string | undefined {
  return MESSAGE_STATES[state];
}

export interface ReceiptMapping {
  /** null: an intermediate state (ENROUTE, ACCEPTD), not reported. */
  status: ReceiptOutcome | null;
  errorCode?: number;
}

/** Default outcome per stat when `err` says nothing more specific. */
const STAT_OUTCOMES: Record<string, ReceiptMapping> = {
  DELIVRD: { status: "delivered" },
  EXPIRED: { status: "undelivered", errorCode: 30003 },
  DELETED: { status: "undelivered", errorCode: 30008 },
  UNDELIV: { status: "undelivered", errorCode: 30003 },
  UNKNOWN: { status: "undelivered", errorCode: 30008 },
  REJECTD: { status: "failed", errorCode: 30007 },
  ENROUTE: { status: null },
  ACCEPTD: { status: null },
};

/**
 * `err` is network-specific; most SMSCs put the GSM MAP / SMS-TP cause there
 * (3 decimal digits). These are the causes common enough to deserve a more
 * precise Twilio code than the stat's default.
 */
const ERR_CODES: Record<number, number> = {
  1: 30005, // unknown subscriber
  5: 30005, // unidentified subscriber
  9: 30005, // illegal subscriber
  11: 30006, // teleservice not provisioned (landline, no SMS)
  12: 30005, // illegal equipment
  13: 30004, // call barred
  21: 30006, // facility not supported
  27: 30003, // absent subscriber
  31: 30003, // subscriber busy for MT SMS
  32: 30003, // SMS delivery failure (memory full / equipment)
  34: 30008, // system failure
  36: 30003, // absent subscriber (deprecated cause)
};

/** Maps a receipt's stat (and err, when it names a known cause) to a final status and Twilio error code. */
export function mapReceipt(stat: string, err?: string): ReceiptMapping {
  const base = STAT_OUTCOMES[stat.toUpperCase()] ?? { status: "undelivered", errorCode: 30008 };
  if (base.status === null || base.status === "delivered") return base;
  const cause = err !== undefined && /^\d+$/.test(err) ? Number(err) : 0;
  const specific = cause !== 0 ? ERR_CODES[cause] : undefined;
  return specific === undefined ? base : { status: base.status, errorCode: specific };
}
