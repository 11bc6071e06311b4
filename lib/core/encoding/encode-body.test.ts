import { describe, expect, it } from "vitest";
import { CHAR_CLASS, COMPLEX, GSM_COST_MASK, NON_GSM } from "./char-classes";
import { encodeBody, MAX_BODY_CHARACTERS } from "./encode-body";
import { GSM_BASIC, GSM_EXTENSION } from "./gsm-alphabet";

const digits = (n: number) => "1".repeat(n);
const flag = "\u{1F1EE}\u{1F1F9}";
const rainbow = "\u{1F3F3}\uFE0F\u200D\u{1F308}";

describe("encodeBody: reference vectors (docs/wire-contract.md, Segments)", () => {
  it.each([
    ["empty body", "", "GSM-7", 1, 0],
    ["160 digits", digits(160), "GSM-7", 1, 160],
    ["161 digits", digits(161), "GSM-7", 2, 161],
    ["306 digits", digits(306), "GSM-7", 2, 306],
    ["307 digits", digits(307), "GSM-7", 3, 307],
    ["extension + 158", "^" + digits(158), "GSM-7", 1, 160],
    ["extension + 159", "^" + digits(159), "GSM-7", 2, 161],
    ["escape pair not split at 153", digits(152) + "€" + digits(10), "GSM-7", 2, 164],
    ["emoji + 68", "\u{1F61C}" + digits(68), "UCS-2", 1, 69],
    ["emoji + 69", "\u{1F61C}" + digits(69), "UCS-2", 2, 70],
    ["emoji + 133", "\u{1F61C}" + digits(133), "UCS-2", 3, 134],
    ["flag + 66", flag + digits(66), "UCS-2", 1, 67],
    ["rainbow flag + 64", rainbow + digits(64), "UCS-2", 1, 65],
    ["70 x á", "á".repeat(70), "UCS-2", 1, 70],
    ["71 x á", "á".repeat(71), "UCS-2", 2, 71],
    // Twilio's documented figures say 69/70 here; the installed reference gives 1 segment up to 68.
    ["emoji + 68 x ]", "\u{1F600}" + "]".repeat(68), "UCS-2", 1, 69],
    ["emoji + 69 x ]", "\u{1F600}" + "]".repeat(69), "UCS-2", 2, 70],
    ["é + 3 combining + 66 a", "e\u0301\u0302\u0303" + "a".repeat(66), "UCS-2", 1, 67],
    ["é + 3 combining + 67 a", "e\u0301\u0302\u0303" + "a".repeat(67), "UCS-2", 2, 68],
    ["CR, CRLF count separately", "\rabcde\r\n123", "GSM-7", 1, 11],
    ["backtick is not GSM", "`", "UCS-2", 1, 1],
    ["lower-case ç is not GSM", "ç", "UCS-2", 1, 1],
  ])("%s", (_name, body, encoding, segments, encodedLength) => {
    const r = encodeBody(body);
    expect({ encoding: r.encoding, segments: r.segments, encodedLength: r.encodedLength }).toEqual({
      encoding,
      segments,
      encodedLength,
    });
  });

  it("a cluster longer than one segment overflows like the reference (header-only first segment)", () => {
    const r = encodeBody("a" + "\u0301".repeat(80));
    expect(r).toMatchObject({ encoding: "UCS-2", segments: 2, encodedLength: 1 });
  });
});

describe("encodeBody: Smart Encoding", () => {
  it.each([
    ["curly quotes", "Hello \u201Cthere\u201D", "Hello \"there\"", "GSM-7"],
    ["ellipsis expands", "Wait\u2026", "Wait...", "GSM-7"],
    ["zero-width space deleted", "a\u200Bb", "ab", "GSM-7"],
    ["ZWNJ deleted (1.3.0)", "a\u200Cb", "ab", "GSM-7"],
    ["single guillemets (1.3.0 order)", "\u2039x\u203A", "<x>", "GSM-7"],
    ["tab becomes seven spaces", "a\tb", "a       b", "GSM-7"],
    ["emoji left alone", "Hi \u2019 \u{1F600}", "Hi ' \u{1F600}", "UCS-2"],
    ["hangul left alone", "\uD55C\uAE00 \u201C", "\uD55C\uAE00 \"", "UCS-2"],
    ["combining tilde becomes ~", "n\u0303", "n~", "GSM-7"],
  ])("%s", (_name, input, body, encoding) => {
    const r = encodeBody(input, { smartEncoding: true });
    expect(r.body).toBe(body);
    expect(r.encoding).toBe(encoding);
  });

  it("reports replacements with their index in the submitted body", () => {
    expect(encodeBody("\u201Cok\u201D\u2026", { smartEncoding: true }).replaced).toEqual([
      { index: 0, from: "\u201C", to: '"' },
      { index: 3, from: "\u201D", to: '"' },
      { index: 4, from: "\u2026", to: "..." },
    ]);
  });

  it("does nothing when off", () => {
    const r = encodeBody("\u201Cok\u201D");
    expect(r).toMatchObject({ body: "\u201Cok\u201D", encoding: "UCS-2", replaced: [] });
  });
});

describe("encodeBody: the 1600 limit", () => {
  it.each([
    ["1600 units", "a".repeat(1600), false],
    ["1601 units", "a".repeat(1601), true],
    ["800 emoji = 1600 UTF-16 units", "\u{1F600}".repeat(800), false],
    ["801 emoji", "\u{1F600}".repeat(801), true],
    ["limit is on the submitted body, not the smart-encoded one", "\u2026".repeat(1600), false],
  ])("%s", (_name, body, tooLong) => {
    const r = encodeBody(body, { smartEncoding: true });
    expect(r.tooLong).toBe(tooLong);
    expect(r.characters).toBe(body.length);
    expect(MAX_BODY_CHARACTERS).toBe(1600);
  });
});

describe("char classes", () => {
  it("GSM characters are never COMPLEX and carry their septet cost", () => {
    for (const ch of GSM_BASIC) {
      const c = CHAR_CLASS[ch.charCodeAt(0)] ?? 0;
      expect([ch, c & GSM_COST_MASK, c & (COMPLEX | NON_GSM)]).toEqual([ch, 1, 0]);
    }
    for (const ch of GSM_EXTENSION) {
      const c = CHAR_CLASS[ch.charCodeAt(0)] ?? 0;
      expect([ch, c & GSM_COST_MASK, c & (COMPLEX | NON_GSM)]).toEqual([ch, 2, 0]);
    }
  });
});
