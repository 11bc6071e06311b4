import { SegmentedMessage } from "sms-segments-calculator";
import { encodeBody } from "@/lib/core/encoding/encode-body";
import { generateCorpus } from "@/lib/core/testing/message-corpus";
import { flat, fmt, nowNs } from "./stats";

export interface EncodingResult {
  mix: string;
  messages: number;
  oursPerSec: number;
  referencePerSec: number;
  ratio: number;
  identical: number;
  compared: number;
}

/**
 * Encoding + segment counting + Smart Encoding on messages of 20-320 UTF-16
 * units. Ours runs `passes` times over the corpus (one core, warm); the
 * reference runs once over the same corpus, and every result is compared.
 */
export function benchEncoding(mix: "realistic" | "adversarial", count: number, passes: number): EncodingResult {
  const corpus = generateCorpus({ seed: 2026, count, minLength: 20, maxLength: 320, boundaryShare: 0, mix }).map(flat);

  for (const m of corpus) encodeBody(m, { smartEncoding: true }); // warm-up
  let sink = 0;
  const t0 = nowNs();
  for (let p = 0; p < passes; p++) for (const m of corpus) sink += encodeBody(m, { smartEncoding: true }).segments;
  const oursNs = Number(nowNs() - t0);

  let identical = 0;
  const t1 = nowNs();
  const refs = corpus.map((m) => new SegmentedMessage(m, "auto", true));
  const refNs = Number(nowNs() - t1);
  corpus.forEach((m, i) => {
    const ref = refs[i];
    const ours = encodeBody(m, { smartEncoding: true });
    if (
      ref &&
      ref.segmentsCount === ours.segments &&
      ref.encodingName === ours.encoding &&
      ref.numberOfCharacters === ours.encodedLength &&
      ref.graphemes.join("") === ours.body
    ) {
      identical++;
    }
  });
  if (sink < 0) console.log(sink);
  const oursPerSec = (count * passes) / (oursNs / 1e9);
  const referencePerSec = count / (refNs / 1e9);
  return { mix, messages: count * passes, oursPerSec, referencePerSec, ratio: oursPerSec / referencePerSec, identical, compared: count };
}

export function printEncoding(r: EncodingResult): void {
  console.log(
    `encoding (${r.mix} mix, 20-320 chars, smart encoding on): ours ${fmt(r.oursPerSec)} msg/s over ${fmt(r.messages)} messages; ` +
      `sms-segments-calculator ${fmt(r.referencePerSec)} msg/s; ratio ${fmt(r.ratio, 0)}x; identical ${fmt(r.identical)}/${fmt(r.compared)}` +
      (r.identical === r.compared ? "" : "  <-- MISMATCH"),
  );
}
