import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import GraphemeSplitter from "grapheme-splitter";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../testing/message-corpus";
import { GRAPHEME_BREAK_RANGES } from "./grapheme-break-table";
import { graphemeBreakProperty, splitGraphemes } from "./graphemes";

const require = createRequire(import.meta.url);

/** grapheme-splitter keeps its property function private; expose it from the source. */
function referenceProperty(): (cp: number) => number {
  const source = readFileSync(require.resolve("grapheme-splitter"), "utf8").replace(
    /\treturn this;\r?\n}/,
    "\tthis.gbp = getGraphemeBreakProperty;\n\treturn this;\n}",
  );
  const mod: { exports: unknown } = { exports: {} };
  new Function("module", "exports", source)(mod, mod.exports);
  const Ctor = mod.exports as new () => { gbp: (cp: number) => number };
  return new Ctor().gbp;
}

describe("grapheme break table", () => {
  it("matches grapheme-splitter for every code point", () => {
    const gbp = referenceProperty();
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (graphemeBreakProperty(cp) !== gbp(cp)) mismatches.push(cp.toString(16));
    }
    if (process.env.PRINT_GRAPHEME_TABLE) {
      // Regeneration aid: prints the body of GRAPHEME_BREAK_RANGES.
      const out: number[] = [];
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        const p = cp >= 0xac00 && cp <= 0xd7a3 ? 11 : gbp(cp);
        const last = out.length - 3;
        if (last >= 0 && out[last + 2] === p && out[last + 1] === cp - 1) out[last + 1] = cp;
        else if (p !== 11) out.push(cp, cp, p);
      }
      console.log(out.join(","));
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(GRAPHEME_BREAK_RANGES.length % 3).toBe(0);
  }, 120_000);
});

describe("splitGraphemes", () => {
  const splitter = new GraphemeSplitter();

  it.each([
    ["ascii", "abc", ["a", "b", "c"]],
    ["crlf stays one cluster", "a\r\nb", ["a", "\r\n", "b"]],
    ["combining accent", "e\u0301x", ["e\u0301", "x"]],
    ["flag pair", "\u{1F1EE}\u{1F1F9}\u{1F1FA}", ["\u{1F1EE}\u{1F1F9}", "\u{1F1FA}"]],
    ["skin tone", "\u{1F44D}\u{1F3FD}!", ["\u{1F44D}\u{1F3FD}", "!"]],
    ["zwj family", "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}", ["\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"]],
    ["hangul jamo", "\u1100\u1161\u11A8", ["\u1100\u1161\u11A8"]],
    ["lone surrogates", "\uD800a\uDC00", ["\uD800", "a", "\uDC00"]],
    ["empty", "", []],
  ])("%s", (_name, input, expected) => {
    expect(splitGraphemes(input)).toEqual(expected);
    expect(splitter.splitGraphemes(input)).toEqual(expected);
  });

  it("agrees with grapheme-splitter on a 40,000-message corpus", () => {
    const corpus = generateCorpus({ seed: 99, count: 40_000, minLength: 0, maxLength: 120 });
    for (const text of corpus) {
      const mine = splitGraphemes(text);
      const ref = splitter.splitGraphemes(text);
      if (mine.length !== ref.length || mine.some((g, i) => g !== ref[i])) {
        expect({ text: JSON.stringify(text), mine }).toEqual({ text: JSON.stringify(text), mine: ref });
      }
    }
  }, 120_000);

  it.each([
    ["ZWJ to a non-Glue_After_Zwj emoji (heart on fire)", "\u2764\uFE0F\u200D\u{1F525}", 2, 1],
    ["Devanagari conjunct (GB9c, Unicode 15.1)", "\u0915\u094D\u0937", 2, 1],
    ["emoji modifier after a non-emoji base", "a\u{1F3FB}", 2, 1],
  ])("differs from Intl.Segmenter on %s, so Intl is not used", (_name, text, ours, intlCount) => {
    const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
    expect(splitGraphemes(text)).toHaveLength(ours);
    expect(splitter.splitGraphemes(text)).toHaveLength(ours);
    expect([...segmenter.segment(text)]).toHaveLength(intlCount);
  });
});
