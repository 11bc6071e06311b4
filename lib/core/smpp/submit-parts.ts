import { encodeBody } from "../encoding/encode-body";
import { encodeGsm7, encodeUcs2 } from "./gsm7";
import { splitSegments } from "./split-segments";
import { buildConcatUdh } from "./udh";

export type Concatenation = "udh8" | "udh16" | "message_payload";

/** One submit_sm's payload fields. */
export interface SubmitPart {
  dataCoding: 0 | 8;
  /** 0x40 (UDHI) when shortMessage starts with a UDH, else 0. */
  esmClass: number;
  /** short_message (UDH + text), empty when messagePayload carries the text. */
  shortMessage: Uint8Array;
  messagePayload?: Uint8Array;
}

/**
 * The submit_sm payloads of a body (Smart Encoding already applied): data
 * coding 0 (GSM 03.38, unpacked) or 8 (UCS-2) by the routing core's encoding,
 * and the segments split exactly as the routing core counts them.
 * `reference` is the concatenation reference (use its low 8 bits for udh8).
 */
export function buildSubmitParts(body: string, concatenation: Concatenation, reference: number): SubmitPart[] {
  const { encoding } = encodeBody(body);
  const dataCoding = encoding === "GSM-7" ? 0 : 8;
  const encode = (text: string) => (encoding === "GSM-7" ? encodeGsm7(text) : encodeUcs2(text));
  if (concatenation === "message_payload") {
    const whole = encode(body);
    // A body that fits one segment goes in short_message, as every SMSC accepts that.
    if (encodeBody(body).segments === 1) return [{ dataCoding, esmClass: 0, shortMessage: whole }];
    return [{ dataCoding, esmClass: 0, shortMessage: new Uint8Array(0), messagePayload: whole }];
  }
  const referenceBits = concatenation === "udh16" ? 16 : 8;
  const texts = splitSegments(body, encoding, referenceBits === 16 ? 56 : 48);
  if (texts.length === 1) return [{ dataCoding, esmClass: 0, shortMessage: encode(texts[0] ?? "") }];
  return texts.map((text, i) => {
    const udh = buildConcatUdh({ reference, total: texts.length, sequence: i + 1 }, referenceBits);
    const data = encode(text);
    const shortMessage = new Uint8Array(udh.length + data.length);
    shortMessage.set(udh, 0);
    shortMessage.set(data, udh.length);
    return { dataCoding, esmClass: 0x40, shortMessage };
  });
}
