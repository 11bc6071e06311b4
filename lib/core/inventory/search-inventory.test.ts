import { describe, expect, it } from "vitest";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { INVENTORY_COUNTRIES, NUMBER_TYPES } from "./countries";
import { inventoryCandidates, lookupInventoryNumber, searchInventory } from "./search-inventory";
import { checkE164 } from "@/lib/core/senders/phone-number";

const none = new Set<string>();

describe("searchInventory", () => {
  it("is deterministic", () => {
    const q = { country: "US", type: "local", areaCode: "415" } as const;
    expect(searchInventory(q, none)).toEqual(searchInventory(q, none));
  });

  it("gives NPA 555-01xx numbers for a US area code", () => {
    const r = searchInventory({ country: "US", type: "local", areaCode: "415" }, none, 3);
    expect(r.map((n) => n.phoneNumber)).toEqual(["+14155550100", "+14155550101", "+14155550102"]);
    expect(r[0]).toMatchObject({ isoCountry: "US", numberType: "local", region: "CA", friendlyName: "(415) 555-0100" });
  });

  it("skips owned numbers", () => {
    const r = searchInventory({ country: "US", type: "local", areaCode: "415" }, new Set(["+14155550100", "+14155550102"]), 2);
    expect(r.map((n) => n.phoneNumber)).toEqual(["+14155550101", "+14155550103"]);
  });

  it.each([
    ["US area code of Canada", { country: "US", type: "local", areaCode: "416" }],
    ["Canadian search with a US area code", { country: "CA", type: "local", areaCode: "415" }],
    ["NANP mobile", { country: "US", type: "mobile" }],
    ["prefix that matches nothing", { country: "GB", type: "local", areaCode: "99" }],
  ] as const)("finds nothing for a %s", (_label, q) => {
    expect(searchInventory(q, none)).toEqual([]);
  });

  it("finds Canadian numbers for a Canadian area code", () => {
    expect(searchInventory({ country: "CA", type: "local", areaCode: "416" }, none, 1)[0]?.phoneNumber).toBe("+14165550100");
  });

  it("filters by capability", () => {
    const voiceOnly = searchInventory({ country: "US", type: "local", areaCode: "212" }, none, 100).filter((n) => !n.capabilities.sms);
    expect(voiceOnly.length).toBe(10);
    const sms = searchInventory({ country: "US", type: "local", areaCode: "212", capability: "SMS" }, none, 100);
    expect(sms.every((n) => n.capabilities.sms)).toBe(true);
    const mms = searchInventory({ country: "GB", type: "mobile", capability: "MMS" }, none);
    expect(mms).toEqual([]);
  });

  it("gives toll-free numbers in the NANP toll-free NPAs", () => {
    const r = searchInventory({ country: "US", type: "toll_free" }, none, 1);
    expect(r[0]?.phoneNumber).toBe("+18005550100");
    expect(searchInventory({ country: "US", type: "toll_free", areaCode: "888" }, none, 1)[0]?.phoneNumber).toBe("+18885550100");
  });

  it("filters a non-NANP block by national prefix", () => {
    expect(searchInventory({ country: "GB", type: "local", areaCode: "20" }, none, 1)[0]?.phoneNumber).toBe("+442079460000");
  });

  // Every generated number is valid, of the country, and classified like the form would.
  it.each(INVENTORY_COUNTRIES.flatMap((c) => NUMBER_TYPES.map((t) => [c, t] as const)))("%s %s numbers are valid", (country, type) => {
    const all = [...inventoryCandidates({ country, type, areaCode: type !== "local" ? undefined : country === "US" ? "201" : country === "CA" ? "204" : undefined })];
    if (country === "US" || country === "CA") {
      if (type === "mobile") return expect(all).toEqual([]);
    }
    expect(all.length).toBeGreaterThanOrEqual(100);
    for (const n of all) {
      const p = parsePhoneNumberFromString(n.phoneNumber);
      expect(p?.isValid(), n.phoneNumber).toBe(true);
      const c = checkE164(n.phoneNumber);
      // libphonenumber files every NANP toll-free number under US; the inventory keeps CA's apart (555-02xx).
      expect(c.ok && c.isoCountry).toBe(country === "CA" && type === "toll_free" ? "US" : country);
      expect(c.ok && c.numberType, n.phoneNumber).toBe(type === "mobile" && (country === "MX") ? "local" : type);
    }
  });
});

describe("lookupInventoryNumber", () => {
  it.each([
    ["+14155550109", { isoCountry: "US", numberType: "local", capabilities: { sms: false, mms: false, voice: true } }],
    ["+14165550100", { isoCountry: "CA", numberType: "local" }],
    ["+18445550101", { isoCountry: "US", numberType: "toll_free" }],
    ["+18445550201", { isoCountry: "CA", numberType: "toll_free" }],
    ["+447400123401", { isoCountry: "GB", numberType: "mobile" }],
  ])("finds %s", (e164, expected) => {
    expect(lookupInventoryNumber(e164)).toMatchObject({ phoneNumber: e164, ...expected });
  });

  it.each(["+14155551234", "+19995550100", "+4474001234", "+15555550100"])("does not know %s", (e164) => {
    expect(lookupInventoryNumber(e164)).toBeNull();
  });
});
