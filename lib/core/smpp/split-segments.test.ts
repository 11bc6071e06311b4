import { describe, expect, it } from "vitest";
import { encodeBody } from "../encoding/encode-body";
import { generateCorpus } from "../testing/message-corpus";
import { bitsOf, splitSegments } from "./split-segments";

const digits = (n: number) => "1".repeat(n);

describe("splitSegments", () => {
  it.each([
    ["empty", "", [0]],
    ["160 digits in one", digits(160), [160]],
    ["161 digits in 153 + 8", digits(161), [153, 8]],
    ["307 digits in three", digits(307), [153, 153, 1]],
    ["escape pair not split at 153", digits(152) + "€" + digits(10), [152, 11]],
    ["71 x á in 67 + 4", "á".repeat(71), [67, 4]],
    ["emoji is never split", digits(66) + "😀" + digits(10), [66, 12]],
  ])("%s", (_name, text, lengths) => {
    const { encoding } = encodeBody(text);
    const parts = splitSegments(text, encoding);
    expect(parts.map((p) => p.length)).toEqual(lengths);
    expect(parts.join("")).toBe(text);
  });

  it("splits \\r\\n in UCS-2 as the counter does (two units)", () => {
    const text = "á".repeat(66) + "\r\n" + "á".repeat(5);
    const parts = splitSegments(text, "UCS-2");
    expect(parts.length).toBe(encodeBody(text).segments);
    expect(parts[0]?.endsWith("\r")).toBe(true);
  });

  it("gives as many parts as the routing core counts, each within 134 octets, on the corpus", () => {
    const corpus = generateCorpus({ seed: 15, count: 4000, minLength: 0, maxLength: 700, boundaryShare: 0.4 });
    let multi = 0;
    for (const text of corpus) {
      const { encoding, segments } = encodeBody(text);
      const parts = splitSegments(text, encoding);
      expect(parts.join("")).toBe(text);
      const oversized = segments > 1 && parts.some((p) => bitsOf(p, encoding) > 1072);
      expect(oversized).toBe(false);
      // The only allowed difference: a grapheme cluster longer than a segment (docs/carriers.md).
      if (parts.length !== segments) {
        expect(hasHugeCluster(text)).toBe(true);
        continue;
      }
      if (segments > 1) multi++;
      if (segments === 1) expect(bitsOf(parts[0] ?? "", encoding)).toBeLessThanOrEqual(1120);
    }
    expect(multi).toBeGreaterThan(500);
  });

  it("cuts a cluster longer than a segment at code points (the documented deviation)", () => {
    const huge = "e" + "\u0301".repeat(100);
    const parts = splitSegments("abc" + huge, "UCS-2");
    expect(parts.join("")).toBe("abc" + huge);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(67);
  });

  it("fits a 16-bit-reference UDH (7 octets): 152 septets, 66 UCS-2 units a part", () => {
    expect(splitSegments(digits(306), "GSM-7", 56).map((p) => p.length)).toEqual([152, 152, 2]);
    expect(splitSegments("á".repeat(134), "UCS-2", 56).map((p) => p.length)).toEqual([66, 66, 2]);
  });
});

function hasHugeCluster(text: string): boolean {
  const seg = new Intl.Segmenter();
  return [...seg.segment(text)].some((s) => s.segment.length > 67);
}
