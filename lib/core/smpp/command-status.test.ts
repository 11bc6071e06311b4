import { describe, expect, it } from "vitest";
import { describeStatus, isThrottle, mapSubmitStatus } from "./command-status";

describe("submit command_status → Twilio", () => {
  it.each([
    [0x58, 30001, true],
    [0x14, 30001, true],
    [0x08, 30008, true],
    [0x45, 30008, true],
    [0x0b, 30005, false],
    [0x50, 30005, false],
    [0x0a, 30007, false],
    [0x48, 30007, false],
    [0x66, 30007, false],
    [0x01, 30008, false],
    [0xfe, 30003, false],
    [0x401, 30008, false],
  ])("0x%s → %s (temporary %s)", (status, code, temporary) => {
    const mapped = mapSubmitStatus(status);
    expect(mapped.errorCode).toBe(code);
    expect(mapped.temporary).toBe(temporary);
    expect(mapped.message).toMatch(/^submit_sm refused: /);
  });

  it("names statuses for error states", () => {
    expect(describeStatus(0x0e)).toBe("ESME_RINVPASWD (invalid password)");
    expect(describeStatus(0x0f)).toBe("ESME_RINVSYSID (invalid system_id)");
    expect(describeStatus(0x401)).toBe("command_status 0x00000401");
  });

  it("treats only RTHROTTLED and RMSGQFUL as throttling", () => {
    expect([0x58, 0x14, 0x08, 0x45, 0].map(isThrottle)).toEqual([true, true, false, false, false]);
  });
});
