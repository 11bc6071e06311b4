import { describe, expect, it } from "vitest";
import { checkAlphaSenderId } from "./alpha-sender-id";
import { alphaCountryWarnings, isIsoCountry } from "./alpha-countries";

describe("checkAlphaSenderId", () => {
  it.each([
    ["Switchyard", "Switchyard"],
    ["A", "A"],
    ["ACME Co", "ACME Co"],
    ["Shop-24+_&x", "Shop-24+_&x"],
    ["  Trim  ", "Trim"],
    ["1a", "1a"],
  ])("accepts %j", (input, value) => {
    expect(checkAlphaSenderId(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["TwelveChars1", "at most 11"],
    ["Café", "may only use"],
    ["Hi!", "may only use"],
    ["a.b", "may only use"],
    ["12345", "all digits"],
    ["-+_&", "at least one letter"],
    ["12 34", "at least one letter"],
  ])("refuses %j", (input, reason) => {
    const r = checkAlphaSenderId(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe("alpha countries", () => {
  it("knows ISO codes", () => {
    expect(isIsoCountry("FR")).toBe(true);
    expect(isIsoCountry("ZZ")).toBe(false);
    expect(isIsoCountry("fr")).toBe(false);
  });

  it("warns for unsupported and pre-registration countries only", () => {
    expect(alphaCountryWarnings("AR")[0]).toContain("does not support");
    expect(alphaCountryWarnings("AE")[0]).toContain("requires");
    expect(alphaCountryWarnings("AU")[0]).toContain("recommended");
    expect(alphaCountryWarnings("AD")).toEqual([]);
  });
});
