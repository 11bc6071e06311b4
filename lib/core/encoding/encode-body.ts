import { CHAR_CLASS, COMPLEX, GSM_COST_MASK, NON_GSM, SMART } from "./char-classes";
import { nextGraphemeBreak } from "./graphemes";
import { gsmPlainSegments, gsmSegmentsWithEscapes, packSegments, ucs2PlainSegments } from "./segments";
import { SMART_ENCODING_MAP } from "./smart-encoding-map";

export type SmsEncoding = "GSM-7" | "UCS-2";

/**
 * Twilio rejects bodies longer than this with 21617. Switchyard counts UTF-16
 * code units of the body as submitted (before Smart Encoding and before the
 * MMS Converter appends its link) — see docs/routing.md "The 1600 limit".
 */
export const MAX_BODY_CHARACTERS = 1600;

/** One Smart Encoding substitution, for highlighting in the console. */
export interface SmartReplacement {
  /** UTF-16 index of the replaced character in the submitted body. */
  index: number;
  from: string;
  /** GSM-7 replacement; "" when the character is deleted (e.g. zero-width space). */
  to: string;
}

export interface EncodeOptions {
  smartEncoding: boolean;
}

export interface EncodedBody {
  /** Body to hand to the carrier (Smart Encoding applied). */
  body: string;
  encoding: SmsEncoding;
  /** Same as sms-segments-calculator `segmentsCount` (1 for an empty body). */
  segments: number;
  /** UTF-16 code units of the submitted body; what the 1600 limit counts. */
  characters: number;
  /** Same as the calculator's `numberOfCharacters`: GSM-7 septets, or UCS-2 grapheme clusters. */
  encodedLength: number;
  /** True when `characters` exceeds MAX_BODY_CHARACTERS (error 21617). */
  tooLong: boolean;
  replaced: SmartReplacement[];
}

interface Measure {
  encoding: SmsEncoding;
  segments: number;
  encodedLength: number;
}

let sizes = new Int32Array(256);

/** Slow path: real grapheme clusters (surrogates, combining marks, ZWJ, jamo). */
function measureClusters(text: string): Measure {
  let n = 0;
  let index = 0;
  const len = text.length;
  while (index < len) {
    // Two adjacent non-COMPLEX units never join (CR LF aside, which the
    // calculator splits anyway), so only clusters touching a COMPLEX unit
    // need the full break rules.
    const brk =
      index + 1 < len &&
      ((CHAR_CLASS[text.charCodeAt(index)] ?? 0) & COMPLEX) === 0 &&
      ((CHAR_CLASS[text.charCodeAt(index + 1)] ?? 0) & COMPLEX) === 0
        ? index + 1
        : nextGraphemeBreak(text, index);
    if (n + 2 > sizes.length) {
      const bigger = new Int32Array(sizes.length * 2);
      bigger.set(sizes);
      sizes = bigger;
    }
    const units = brk - index;
    // The calculator splits a "\r\n" cluster back into two characters.
    if (units === 2 && text.charCodeAt(index) === 13 && text.charCodeAt(index + 1) === 10) {
      sizes[n++] = 16;
      sizes[n++] = 16;
    } else {
      sizes[n++] = 16 * units;
    }
    index = brk;
  }
  return { encoding: "UCS-2", segments: packSegments(sizes, n), encodedLength: n };
}

// Results of the last scan(), kept in module state to avoid an allocation per message.
let scanFlags = 0;
let scanSeptets = 0;

/** One pass: OR of all class bits and the GSM-7 septet total. */
function scan(text: string): void {
  const table = CHAR_CLASS;
  const len = text.length;
  let flags = 0;
  let septets = 0;
  for (let i = 0; i < len; i++) {
    const c = table[text.charCodeAt(i)] as number;
    flags |= c;
    septets += c & GSM_COST_MASK;
  }
  scanFlags = flags;
  scanSeptets = septets;
}

/** Measures `text`, whose scan() results are current. */
function measureScanned(text: string): Measure {
  const len = text.length;
  if ((scanFlags & NON_GSM) === 0) {
    const septets = scanSeptets;
    const segments = septets === len ? gsmPlainSegments(septets) : septets <= 160 ? 1 : gsmSegmentsWithEscapes(text);
    return { encoding: "GSM-7", segments, encodedLength: septets };
  }
  // Any COMPLEX unit is itself non-GSM, so it only matters for UCS-2.
  if ((scanFlags & COMPLEX) !== 0) return measureClusters(text);
  return { encoding: "UCS-2", segments: ucs2PlainSegments(len), encodedLength: len };
}

/** Applies the Smart Encoding map per code unit (all keys are BMP, never surrogates). */
export function applySmartEncoding(text: string): { body: string; replaced: SmartReplacement[] } {
  const replaced: SmartReplacement[] = [];
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (((CHAR_CLASS[text.charCodeAt(i)] ?? 0) & SMART) === 0) continue;
    const to = SMART_ENCODING_MAP.get(text.charCodeAt(i)) ?? "";
    out += text.slice(last, i) + to;
    last = i + 1;
    replaced.push({ index: i, from: text.charAt(i), to });
  }
  return { body: last === 0 ? text : out + text.slice(last), replaced };
}

/**
 * Encoding, segment count and Smart Encoding of an SMS body. Results are
 * identical to `new SegmentedMessage(body, "auto", smartEncoding)` from
 * sms-segments-calculator 1.3.0 (differential test: encode-body.diff.test.ts).
 */
export function encodeBody(body: string, options: EncodeOptions = { smartEncoding: false }): EncodedBody {
  let text = body;
  let replaced: SmartReplacement[] = [];
  scan(body);
  if (options.smartEncoding && (scanFlags & SMART) !== 0) {
    const smart = applySmartEncoding(body);
    text = smart.body;
    replaced = smart.replaced;
    scan(text);
  }
  const m = measureScanned(text);
  return {
    body: text,
    encoding: m.encoding,
    segments: m.segments,
    characters: body.length,
    encodedLength: m.encodedLength,
    tooLong: body.length > MAX_BODY_CHARACTERS,
    replaced,
  };
}
