import { describe, expect, it } from "vitest";
import { mulberry32 } from "../testing/prng";
import { E164Table, e164Key } from "./e164-table";
import { InMemoryStickyStore } from "./sticky-store";

describe("e164Key", () => {
  it.each([
    ["+14155551234", 14155551234],
    ["+442071838750", 442071838750],
    ["+123456789012345", 123456789012345],
  ])("%s -> %d", (s, n) => expect(e164Key(s)).toBe(n));
  it.each(["14155551234", "+", "+1415555123x", "+1234567890123456", "whatsapp:+1415", "+0"])("%s is not a key", (s) => expect(e164Key(s)).toBeNaN());
});

describe("E164Table agrees with a Map under random set/get/delete", () => {
  it("200,000 operations, with growth and tombstones", () => {
    const rand = mulberry32(42);
    const table = new E164Table(8);
    const ref = new Map<number, number>();
    for (let op = 0; op < 200_000; op++) {
      // A small key space forces overwrites, deletes of present keys and probe chains through tombstones.
      const key = 14150000000 + Math.floor(rand() * 50_000);
      const r = rand();
      if (r < 0.5) {
        const v = Math.floor(rand() * 1000);
        table.set(key, v);
        ref.set(key, v);
      } else if (r < 0.8) {
        expect(table.delete(key)).toBe(ref.delete(key));
      } else {
        expect(table.get(key)).toBe(ref.get(key));
      }
    }
    expect(table.size).toBe(ref.size);
    const seen = new Map<number, number>();
    table.forEach((k, v) => seen.set(k, v));
    expect(seen).toEqual(ref);
  });
});

describe("InMemoryStickyStore", () => {
  it("keeps channels apart, deletes by sender, remaps, and handles non-E.164 keys", () => {
    const s = new InMemoryStickyStore();
    s.set("sms", "+14155550001", "PN1");
    s.set("sms", "+14155550002", "PN1");
    s.set("whatsapp", "+14155550001", "WA1");
    s.set("sms", "odd-key", "PN2");
    expect(s.get("sms", "+14155550001")).toBe("PN1");
    expect(s.get("whatsapp", "+14155550001")).toBe("WA1");
    expect(s.get("sms", "odd-key")).toBe("PN2");
    expect(s.size("sms")).toBe(3);
    const lost = s.remap("sms", (r) => r === "+14155550002", "PN9");
    expect(lost).toEqual(new Map([["PN1", 1]]));
    expect(s.get("sms", "+14155550002")).toBe("PN9");
    expect(s.deleteBySender("PN1")).toBe(1);
    expect(s.get("sms", "+14155550001")).toBeUndefined();
    expect(s.get("whatsapp", "+14155550001")).toBe("WA1");
    expect([...s.entries("sms")].sort()).toEqual([["+14155550002", "PN9"], ["odd-key", "PN2"]]);
    expect(s.delete("sms", "odd-key")).toBe(true);
    expect(s.size("sms")).toBe(1);
  });
});
