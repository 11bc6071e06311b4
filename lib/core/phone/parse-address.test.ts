import { describe, expect, it } from "vitest";
import { parseAddress } from "./parse-address";

describe("parseAddress", () => {
  it.each([
    ["+14155551234", { channel: "sms", e164: "+14155551234", country: "US", npa: "415", isUS: true, isCanada: false, isTollFree: false }],
    ["+16045551234", { channel: "sms", country: "CA", npa: "604", isCanada: true }],
    ["+18885551234", { country: "US", npa: "888", isTollFree: true }],
    ["+17875550123", { country: "PR", npa: "787", isUS: false }],
    ["whatsapp:+447400123456", { channel: "whatsapp", e164: "+447400123456", country: "GB", npa: undefined }],
    ["rcs:+4915112345678", { channel: "rcs", country: "DE" }],
    [" +1 (415) 555-1234 ", { e164: "+14155551234" }],
  ])("%s", (input, expected) => {
    const r = parseAddress(input);
    expect(r.ok && r.address).toMatchObject(expected);
  });

  it.each(["14155551234", "+1415555", "+15555555555", "whatsapp:", "hello", ""])("%s -> 21211", (input) => {
    const r = parseAddress(input);
    expect(!r.ok && r.error.code).toBe(21211);
  });
});
