import { describe, expect, it } from "vitest";
import { overlayComplexOf, parseAddress, parseE164 } from "./parse-address";

describe("parseAddress", () => {
  it.each([
    ["+14155551234", { channel: "sms", e164: "+14155551234", country: "US", npa: "415", isTollFree: false }],
    ["+12125550100", { channel: "sms", e164: "+12125550100", country: "US", npa: "212", isTollFree: false }],
    ["+16045550100", { channel: "sms", e164: "+16045550100", country: "CA", npa: "604", isTollFree: false }],
    ["+18885550100", { channel: "sms", e164: "+18885550100", country: "US", npa: "888", isTollFree: true }],
    ["+17875550100", { channel: "sms", e164: "+17875550100", country: "PR", npa: "787", isTollFree: false }],
    ["+442071838750", { channel: "sms", e164: "+442071838750", country: "GB" }],
    ["+33612345678", { channel: "sms", e164: "+33612345678", country: "FR" }],
    ["whatsapp:+14155551234", { channel: "whatsapp", e164: "+14155551234", country: "US", npa: "415", isTollFree: false }],
    ["whatsapp:+447400123456", { channel: "whatsapp", e164: "+447400123456", country: "GB" }],
    ["rcs:+14155551234", { channel: "rcs", e164: "+14155551234", country: "US", npa: "415", isTollFree: false }],
  ])("%s", (input, address) => {
    expect(parseAddress(input)).toEqual({ ok: true, address });
  });

  it.each([
    "",
    "4155551234",
    "+1415555123",
    "+141555512345",
    "+10155551234",
    "+14150551234",
    "+1415555123a",
    "+4412",
    "+999123456789",
    "rcs:acme_agent",
    "whatsapp:4155551234",
    "sms:+14155551234",
    " +14155551234",
  ])("refuses %j with 21211", (input) => {
    const r = parseAddress(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe(21211);
  });

  it("memoises libphonenumber answers (same object back)", () => {
    expect(parseE164("+442071838750")).toBe(parseE164("+442071838750"));
  });

  it("knows overlay complexes", () => {
    expect(overlayComplexOf("212")).toEqual(["212", "332", "646", "917"]);
    expect(overlayComplexOf("646")).toContain("212");
    expect(overlayComplexOf("000")).toEqual([]);
  });
});
