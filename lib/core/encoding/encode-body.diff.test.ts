import { SegmentedMessage } from "sms-segments-calculator";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../testing/message-corpus";
import { encodeBody } from "./encode-body";

/*
 * Differential test against the reference calculator (docs/product.md "Content"): every
 * message of a seeded corpus must get the same encoding, segment count,
 * character count and Smart-Encoded body, with Smart Encoding off and on.
 */
const CASES_PER_BLOCK = 13_000;
const BLOCKS = [
  { seed: 1, minLength: 0, maxLength: 200 },
  { seed: 2, minLength: 20, maxLength: 320 },
  { seed: 3, minLength: 0, maxLength: 480 },
  { seed: 4, minLength: 100, maxLength: 1700 },
];

function reference(text: string, smart: boolean) {
  const m = new SegmentedMessage(text, "auto", smart);
  return {
    body: m.graphemes.join(""),
    encoding: m.encodingName,
    segments: m.segmentsCount,
    encodedLength: m.numberOfCharacters,
  };
}

describe("encodeBody vs sms-segments-calculator 1.3.0", () => {
  for (const block of BLOCKS) {
    const count = block.maxLength > 500 ? 1_000 : CASES_PER_BLOCK;
    it(`seed ${block.seed}: ${count} messages of ${block.minLength}-${block.maxLength} units, smart off and on`, () => {
      const corpus = generateCorpus({ seed: block.seed, count, minLength: block.minLength, maxLength: block.maxLength });
      let compared = 0;
      for (const text of corpus) {
        for (const smart of [false, true]) {
          const mine = encodeBody(text, { smartEncoding: smart });
          const ref = reference(text, smart);
          const got = { body: mine.body, encoding: mine.encoding, segments: mine.segments, encodedLength: mine.encodedLength };
          if (JSON.stringify(got) !== JSON.stringify(ref)) {
            expect({ text: JSON.stringify(text), smart, ...got }).toEqual({ text: JSON.stringify(text), smart, ...ref });
          }
          compared++;
        }
      }
      expect(compared).toBe(count * 2);
    }, 300_000);
  }
});
