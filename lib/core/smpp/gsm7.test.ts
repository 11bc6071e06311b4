import { describe, expect, it } from "vitest";
import { GSM_BASIC, GSM_EXTENSION } from "../encoding/gsm-alphabet";
import { decodeGsm7, decodeUcs2, encodeGsm7, encodeUcs2 } from "./gsm7";

describe("GSM 03.38 septets", () => {
  it.each([
    ["@", [0x00]],
    ["£$¥", [0x01, 0x02, 0x03]],
    ["\n\r", [0x0a, 0x0d]],
    ["Δ_", [0x10, 0x11]],
    [" ¤", [0x20, 0x24]],
    ["¡A§", [0x40, 0x41, 0x5f]],
    ["¿aà", [0x60, 0x61, 0x7f]],
    ["€", [0x1b, 0x65]],
    ["{}[]~\\|^\f", [0x1b, 0x28, 0x1b, 0x29, 0x1b, 0x3c, 0x1b, 0x3e, 0x1b, 0x3d, 0x1b, 0x2f, 0x1b, 0x40, 0x1b, 0x14, 0x1b, 0x0a]],
  ])("%j encodes to its code points", (text, bytes) => {
    expect([...encodeGsm7(text)]).toEqual(bytes);
    expect(decodeGsm7(Uint8Array.from(bytes))).toBe(text);
  });

  it("covers the whole alphabet the routing core counts: 1 septet basic, 2 extension", () => {
    for (const ch of GSM_BASIC) expect(encodeGsm7(ch).length, ch).toBe(1);
    for (const ch of GSM_EXTENSION) expect(encodeGsm7(ch).length, ch).toBe(2);
    const all = GSM_BASIC + GSM_EXTENSION;
    expect(decodeGsm7(encodeGsm7(all))).toBe(all);
    expect(new Set(encodeGsm7(GSM_BASIC)).size).toBe(GSM_BASIC.length);
  });

  it("refuses characters outside the alphabet (the escape itself, ç, emoji)", () => {
    for (const ch of ["\u001b", "ç", "😀", "\u0000"]) expect(() => encodeGsm7(ch)).toThrow(/not a GSM 03.38 character/);
  });

  it("decodes an unknown extension code as its basic character and drops a trailing escape", () => {
    expect(decodeGsm7(Uint8Array.of(0x1b, 0x41, 0x42, 0x1b))).toBe("AB");
  });
});

describe("UCS-2 big-endian", () => {
  it("encodes code units big-endian, surrogate pairs as they are", () => {
    expect([...encodeUcs2("aé😀")]).toEqual([0x00, 0x61, 0x00, 0xe9, 0xd8, 0x3d, 0xde, 0x00]);
    expect(decodeUcs2(encodeUcs2("aé😀中"))).toBe("aé😀中");
  });

  it("ignores an odd trailing byte", () => {
    expect(decodeUcs2(Uint8Array.of(0x00, 0x41, 0x00))).toBe("A");
  });
});
