import { describe, expect, it } from "vitest";
import { encodeBody } from "../encoding/encode-body";
import { destinationAddress, inboundAddress, sourceAddress } from "./addressing";
import { decodeGsm7, decodeUcs2 } from "./gsm7";
import { buildSubmitParts } from "./submit-parts";
import { parseUdh } from "./udh";

const plan = {
  alpha: { ton: 5, npi: 0 },
  shortCode: { ton: 3, npi: 0 },
  international: { ton: 1, npi: 1 },
  destination: { ton: 1, npi: 1 },
};

function reassemble(parts: ReturnType<typeof buildSubmitParts>): string {
  return parts
    .map((p) => {
      const udh = p.esmClass & 0x40 ? parseUdh(p.shortMessage) : null;
      const data = (p.messagePayload ?? p.shortMessage).slice(udh?.headerLength ?? 0);
      return p.dataCoding === 0 ? decodeGsm7(data) : decodeUcs2(data);
    })
    .join("");
}

describe("buildSubmitParts", () => {
  it("sends a GSM-7 single segment with data_coding 0 and no UDH", () => {
    const parts = buildSubmitParts("Hello €", "udh8", 1);
    expect(parts).toEqual([{ dataCoding: 0, esmClass: 0, shortMessage: Uint8Array.of(72, 101, 108, 108, 111, 32, 0x1b, 0x65) }]);
  });

  it("sends UCS-2 with data_coding 8", () => {
    const parts = buildSubmitParts("Привет 😀", "udh8", 1);
    expect(parts.length).toBe(1);
    expect(parts[0]?.dataCoding).toBe(8);
    expect(reassemble(parts)).toBe("Привет 😀");
  });

  it.each([
    ["GSM-7", "x".repeat(400)],
    ["UCS-2", "ж".repeat(150)],
    ["GSM-7 with escapes", "{}".repeat(100)],
  ])("splits a %s message into NumSegments parts with an 8-bit UDH, each ≤ 140 octets", (_n, body) => {
    const parts = buildSubmitParts(body, "udh8", 0x1ff);
    expect(parts.length).toBe(encodeBody(body).segments);
    parts.forEach((p, i) => {
      expect(p.esmClass).toBe(0x40);
      expect(parseUdh(p.shortMessage)?.concat).toEqual({ reference: 0xff, total: parts.length, sequence: i + 1, referenceBits: 8 });
      const octets = p.dataCoding === 0 ? 6 + Math.ceil(((p.shortMessage.length - 6) * 7) / 8) : p.shortMessage.length;
      expect(octets).toBeLessThanOrEqual(140);
    });
    expect(reassemble(parts)).toBe(body);
  });

  it("uses a 16-bit reference when asked", () => {
    const parts = buildSubmitParts("y".repeat(306), "udh16", 0x1234);
    expect(parts.length).toBe(3);
    expect(parseUdh(parts[0]?.shortMessage ?? new Uint8Array())?.concat?.reference).toBe(0x1234);
    expect(reassemble(parts)).toBe("y".repeat(306));
  });

  it("puts a long body in one message_payload, a short one in short_message", () => {
    const long = buildSubmitParts("z".repeat(300), "message_payload", 1);
    expect(long).toEqual([{ dataCoding: 0, esmClass: 0, shortMessage: new Uint8Array(0), messagePayload: expect.any(Uint8Array) }]);
    expect(reassemble(long)).toBe("z".repeat(300));
    expect(buildSubmitParts("short", "message_payload", 1)[0]?.messagePayload).toBeUndefined();
  });
});

describe("addressing", () => {
  it("picks TON/NPI by sender type and strips + for international numbers", () => {
    expect(sourceAddress("ACME", "alpha", plan)).toEqual({ ton: 5, npi: 0, addr: "ACME" });
    expect(sourceAddress("12345", "short_code", plan)).toEqual({ ton: 3, npi: 0, addr: "12345" });
    expect(sourceAddress("+15005550006", "long_code", plan)).toEqual({ ton: 1, npi: 1, addr: "15005550006" });
    expect(sourceAddress("+18005550006", "toll_free", plan)).toEqual({ ton: 1, npi: 1, addr: "18005550006" });
    expect(destinationAddress("+447700900123", plan)).toEqual({ ton: 1, npi: 1, addr: "447700900123" });
  });

  it("restores + on inbound international numbers only", () => {
    expect(inboundAddress("447700900123", 1)).toBe("+447700900123");
    expect(inboundAddress("12345", 3)).toBe("12345");
    expect(inboundAddress("ACME", 5)).toBe("ACME");
  });
});
