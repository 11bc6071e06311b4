import { describe, expect, it } from "vitest";
import { labelTraceLine, senderSidsIn } from "./trace-labels";

const PN = "PN" + "a".repeat(32);
const AI = "AI" + "b".repeat(32);
const GONE = "SC" + "c".repeat(32);
const labels = { [PN]: "+14155550100", [AI]: "ACME" };

describe("senderSidsIn", () => {
  it("finds each sender SID once, and no other SIDs", () => {
    const lines = [`tier long_code: ${PN} (geo-match 415)`, `sticky: +14155551234 -> ${PN}`, `tier alpha: ${AI} (x)`, "MG" + "d".repeat(32)];
    expect(senderSidsIn(lines)).toEqual([PN, AI]);
  });
  it("ignores look-alikes that are longer or not hex", () => {
    expect(senderSidsIn([`${PN}0`, "PN" + "z".repeat(32)])).toEqual([]);
  });
});

describe("labelTraceLine", () => {
  const cases: { name: string; line: string; want: ReturnType<typeof labelTraceLine> }[] = [
    { name: "no sender", line: "pool: no senders", want: [{ text: "pool: no senders" }] },
    {
      name: "a sender in the middle",
      line: `tier long_code: ${PN} (geo-match 415)`,
      want: [{ text: "tier long_code: " }, { label: "+14155550100", sid: PN }, { text: " (geo-match 415)" }],
    },
    { name: "a sender at the end", line: `sticky: +14155551234 -> ${PN}`, want: [{ text: "sticky: +14155551234 -> " }, { label: "+14155550100", sid: PN }] },
    {
      name: "the address followed by its SID in parentheses is said once",
      line: `from: explicit From +14155550100 (${PN}), no automatic selection`,
      want: [{ text: "from: explicit From " }, { label: "+14155550100", sid: PN }, { text: ", no automatic selection" }],
    },
    {
      name: "a deleted sender keeps its SID",
      line: `sticky: +14155551234 -> ${GONE} removed (sender no longer in the pool)`,
      want: [{ text: `sticky: +14155551234 -> ${GONE} removed (sender no longer in the pool)` }],
    },
    {
      name: "two senders",
      line: `scaler: ${AI}, then ${PN}`,
      want: [{ text: "scaler: " }, { label: "ACME", sid: AI }, { text: ", then " }, { label: "+14155550100", sid: PN }],
    },
  ];
  it.each(cases)("$name", ({ line, want }) => {
    expect(labelTraceLine(line, labels)).toEqual(want);
  });
});
