import { describe, expect, it } from "vitest";
import { brandStatus, campaignStatus, vettingErrors } from "./vetting";

const t0 = new Date("2026-12-03T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const DELAY = 30_000;
const brand = (description: string, submittedAt = t0) => ({ description, submittedAt });
const campaign = (description: string, submittedAt = t0, externallyRegistered = false) => ({ description, submittedAt, externallyRegistered });

describe("A2P vetting simulator", () => {
  it.each([
    ["Acme retail", 0, "PENDING"],
    ["Acme retail", DELAY - 1, "PENDING"],
    ["Acme retail", DELAY, "APPROVED"],
    ["Please FAIL this", DELAY, "FAILED"],
    ["please fail (lower case passes)", DELAY, "APPROVED"],
    ["Please FAIL this", DELAY - 1, "PENDING"],
  ] as const)("brand %j at +%i ms is %s", (d, ms, status) => {
    expect(brandStatus(brand(d), at(ms), DELAY)).toBe(status);
  });

  it("a campaign waits for its brand, fails with it, and is vetted on its own after the delay", () => {
    expect(campaignStatus(campaign("alerts"), brand("ok"), at(DELAY - 1), DELAY)).toBe("PENDING");
    expect(campaignStatus(campaign("alerts"), brand("ok"), at(DELAY), DELAY)).toBe("VERIFIED");
    expect(campaignStatus(campaign("alerts FAIL"), brand("ok"), at(DELAY), DELAY)).toBe("FAILED");
    expect(campaignStatus(campaign("alerts"), brand("FAIL"), at(DELAY), DELAY)).toBe("FAILED");
    // Submitted later than its brand: its own delay counts.
    expect(campaignStatus(campaign("alerts", at(DELAY)), brand("ok"), at(DELAY + 1), DELAY)).toBe("PENDING");
    expect(campaignStatus(campaign("alerts", at(DELAY)), brand("ok"), at(2 * DELAY), DELAY)).toBe("VERIFIED");
    // A brand still pending holds the campaign back.
    expect(campaignStatus(campaign("alerts"), brand("ok", at(DELAY)), at(DELAY + 5), DELAY)).toBe("PENDING");
  });

  it("an externally registered campaign is verified at once; a campaign without a brand fails", () => {
    expect(campaignStatus(campaign("x", t0, true), null, t0, DELAY)).toBe("VERIFIED");
    expect(campaignStatus(campaign("x"), null, at(DELAY), DELAY)).toBe("FAILED");
  });

  it("only a failure carries errors", () => {
    expect(vettingErrors("VERIFIED", "campaign")).toEqual([]);
    expect(vettingErrors("FAILED", "campaign")[0]?.code).toBe(30896);
  });
});
