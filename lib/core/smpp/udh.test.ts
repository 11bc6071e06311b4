import { describe, expect, it } from "vitest";
import { buildConcatUdh, parseUdh } from "./udh";

describe("concatenation UDH", () => {
  it("builds the 8-bit reference form (6 octets) and the 16-bit one (7 octets)", () => {
    expect([...buildConcatUdh({ reference: 0x1a7, total: 3, sequence: 2 }, 8)]).toEqual([5, 0, 3, 0xa7, 3, 2]);
    expect([...buildConcatUdh({ reference: 0x1a7, total: 3, sequence: 2 }, 16)]).toEqual([6, 8, 4, 0x01, 0xa7, 3, 2]);
  });

  it("parses both back, with the text offset", () => {
    for (const bits of [8, 16] as const) {
      const udh = buildConcatUdh({ reference: 200, total: 4, sequence: 4 }, bits);
      const parsed = parseUdh(Uint8Array.of(...udh, 0x41));
      expect(parsed).toEqual({ headerLength: udh.length, concat: { reference: 200, total: 4, sequence: 4, referenceBits: bits } });
    }
  });

  it("finds the concatenation IE among others (e.g. a port addressing IE first)", () => {
    const data = Uint8Array.of(11, 0x05, 4, 0x0b, 0x84, 0x23, 0xf0, 0x00, 3, 9, 2, 1, 0x41);
    expect(parseUdh(data)).toEqual({ headerLength: 12, concat: { reference: 9, total: 2, sequence: 1, referenceBits: 8 } });
  });

  it("returns no concat for a header without one, and null for a malformed header", () => {
    expect(parseUdh(Uint8Array.of(4, 0x05, 2, 0x0b, 0x84, 0x41))).toEqual({ headerLength: 5 });
    expect(parseUdh(Uint8Array.of(9, 0, 3, 1))).toBeNull();
    expect(parseUdh(Uint8Array.of(3, 0, 3, 1))).toBeNull();
    expect(parseUdh(new Uint8Array(0))).toBeNull();
  });
});
