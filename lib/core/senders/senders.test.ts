import { describe, expect, it } from "vitest";
import { parseChannelAddress } from "./channel-address";
import { checkE164 } from "./phone-number";
import { effectiveMps } from "./mps";
import { poolWarnings } from "./pool-warnings";

describe("checkE164", () => {
  it.each([
    ["+14155550100", "US", "local"],
    ["+18005550100", "US", "toll_free"],
    ["+18335550100", "US", "toll_free"],
    ["+14165550100", "CA", "local"],
    ["+447400123456", "GB", "mobile"],
    ["+442079460000", "GB", "local"],
    ["+448081570000", "GB", "toll_free"],
  ])("%s is %s %s", (n, country, type) => {
    expect(checkE164(n)).toEqual({ ok: true, phoneNumber: n, isoCountry: country, numberType: type });
  });

  it.each(["+1 (415) 555-2671", " +1 415.555.2671 ", "+44 20 7946 0000"])("normalises the written form %j", (n) => {
    const r = checkE164(n);
    expect(r.ok && r.phoneNumber).toBe(n.includes("+44") ? "+442079460000" : "+14155552671");
  });

  it.each(["4155550100", "(415) 555-2671", "+1 (415) 555-267x", "+1415", "+1415555010a", "+10005550100", "", "+4412"])("refuses %j", (n) => {
    expect(checkE164(n).ok).toBe(false);
  });
});

describe("parseChannelAddress", () => {
  it("derives the WhatsApp country", () => {
    expect(parseChannelAddress("whatsapp:+447400123456")).toEqual({ ok: true, senderType: "WhatsApp", sender: "whatsapp:+447400123456", countryCode: "GB" });
  });
  it("accepts an RCS agent", () => {
    expect(parseChannelAddress("rcs:acme_agent")).toMatchObject({ ok: true, senderType: "RCS", sender: "rcs:acme_agent" });
  });
  it.each(["whatsapp:123", "rcs:", "rcs:Bad Agent", "sms:+14155550100", "+14155550100"])("refuses %j", (s) => {
    expect(parseChannelAddress(s).ok).toBe(false);
  });
});

describe("mps and warnings", () => {
  it("defaults by type", () => {
    expect(effectiveMps("toll_free", null)).toBe(3);
    expect(effectiveMps("short_code", 250)).toBe(250);
  });
  it("warns about an empty pool and several toll-free numbers", () => {
    expect(poolWarnings({ total: 0, tollFreeCount: 0 })).toHaveLength(1);
    expect(poolWarnings({ total: 3, tollFreeCount: 2 })[0]).toContain("2 toll-free");
    expect(poolWarnings({ total: 1, tollFreeCount: 1 })).toEqual([]);
  });
});
