import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/server/security/csv-cell";

/** Issue 18 item 10: message bodies and opt-out fields in CSV exports cannot become live formulas (docs/security.md "CSV exports"). */
describe("CSV cells", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ["=1+2", `"'=1+2"`],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ["@SUM(1,2)", `"'@SUM(1,2)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
  ])("neutralises %j", (input, want) => {
    expect(csvCell(input)).toBe(want);
  });

  it.each([
    ["+14155551234", "+14155551234"],
    ["-5", "-5"],
    ["30003", "30003"],
    ["hello", "hello"],
    ['say "hi", then go', '"say ""hi"", then go"'],
    [null, ""],
    [new Date("2026-12-03T10:00:00Z"), "2026-12-03T10:00:00.000Z"],
  ])("keeps %j as data", (input, want) => {
    expect(csvCell(input)).toBe(want);
  });
});
