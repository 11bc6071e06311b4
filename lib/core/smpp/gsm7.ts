/**
 * GSM 03.38 default alphabet as SMPP carries it with data_coding 0: one
 * septet per octet (unpacked; the SMSC packs for the air interface), the
 * extension table behind the escape 0x1B. Position in the string = code.
 */
const BASIC_TABLE =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** Extension table: code after the escape → character. */
const EXTENSION_CODES: ReadonlyArray<[number, string]> = [
  [0x0a, "\f"],
  [0x14, "^"],
  [0x28, "{"],
  [0x29, "}"],
  [0x2f, "\\"],
  [0x3c, "["],
  [0x3d, "~"],
  [0x3e, "]"],
  [0x40, "|"],
  [0x65, "€"],
];

export const GSM_ESCAPE = 0x1b;

const ENCODE = new Map<number, number>();
const DECODE_BASIC: string[] = [...BASIC_TABLE];
const DECODE_EXTENSION = new Map<number, string>();
for (let code = 0; code < DECODE_BASIC.length; code++) {
  if (code !== GSM_ESCAPE) ENCODE.set(BASIC_TABLE.charCodeAt(code), code);
}
for (const [code, ch] of EXTENSION_CODES) {
  ENCODE.set(ch.charCodeAt(0), (GSM_ESCAPE << 8) | code);
  DECODE_EXTENSION.set(code, ch);
}

/**
 * Encodes GSM-7 text (as the routing core classified it) to unpacked septets.
 * Throws on a character outside the alphabet: the caller chose GSM-7 only for
 * text that is entirely GSM, so this is a bug, not input to tolerate.
 */
export function encodeGsm7(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = ENCODE.get(text.charCodeAt(i));
    if (code === undefined) throw new Error(`not a GSM 03.38 character: U+${text.charCodeAt(i).toString(16).padStart(4, "0")}`);
    if (code > 0xff) out[n++] = GSM_ESCAPE;
    out[n++] = code & 0x7f;
  }
  return out.slice(0, n);
}

/**
 * Decodes unpacked septets. An unknown extension code decodes as its basic
 * character (3GPP TS 23.038: "display the character in the default table");
 * a trailing lone escape is dropped.
 */
export function decodeGsm7(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = (bytes[i] ?? 0) & 0x7f;
    if (b === GSM_ESCAPE) {
      if (i + 1 >= bytes.length) break;
      const next = (bytes[++i] ?? 0) & 0x7f;
      out += DECODE_EXTENSION.get(next) ?? DECODE_BASIC[next] ?? "";
    } else {
      out += DECODE_BASIC[b] ?? "";
    }
  }
  return out;
}

/** UCS-2 as SMPP carries it with data_coding 8: UTF-16 big-endian (surrogate pairs pass through). */
export function encodeUcs2(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    out[2 * i] = cu >> 8;
    out[2 * i + 1] = cu & 0xff;
  }
  return out;
}

/** Decodes UTF-16 BE; an odd trailing byte is dropped. */
export function decodeUcs2(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return out;
}
