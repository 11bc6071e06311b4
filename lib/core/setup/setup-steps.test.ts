import { describe, expect, it } from "vitest";
import { adjacentSteps, firstOpenStep, isSetupStep, setupStepStates, type SetupFacts } from "./setup-steps";

const base: SetupFacts = { poolSize: 0, usLongCodes: 0, integrationConfigured: false, campaign: "none", recorded: {} };

describe("setupStepStates", () => {
  it.each<[string, Partial<SetupFacts>, Partial<ReturnType<typeof setupStepStates>>]>([
    ["a new service", {}, { details: "done", senders: "to_do", integration: "to_do", compliance: "not_needed", test: "destination" }],
    ["a sender in the pool", { poolSize: 1 }, { senders: "done" }],
    ["senders skipped", { recorded: { senders: "skipped" } }, { senders: "skipped" }],
    ["skipped, then a sender added: data wins", { poolSize: 2, recorded: { senders: "skipped" } }, { senders: "done" }],
    ["an empty pool confirmed is still to do", { recorded: { senders: "confirmed" } }, { senders: "to_do" }],
    ["integration configured", { integrationConfigured: true }, { integration: "done" }],
    ["integration kept at its defaults, confirmed", { recorded: { integration: "confirmed" } }, { integration: "done" }],
    ["integration skipped", { recorded: { integration: "skipped" } }, { integration: "skipped" }],
    ["US long codes, no campaign", { poolSize: 1, usLongCodes: 1 }, { compliance: "to_do" }],
    ["US long codes, compliance skipped", { usLongCodes: 1, recorded: { compliance: "skipped" } }, { compliance: "skipped" }],
    ["US long codes, campaign pending", { usLongCodes: 1, campaign: "PENDING" }, { compliance: "in_review" }],
    ["campaign verified", { usLongCodes: 3, campaign: "VERIFIED" }, { compliance: "done" }],
    ["campaign failed", { usLongCodes: 1, campaign: "FAILED" }, { compliance: "failed" }],
    ["a campaign without US long codes still shows its status", { campaign: "PENDING" }, { compliance: "in_review" }],
    ["no US long codes: compliance skipped is still not needed", { recorded: { compliance: "skipped" } }, { compliance: "not_needed" }],
  ])("%s", (_name, facts, expected) => {
    expect(setupStepStates({ ...base, ...facts })).toMatchObject(expected);
  });
});

describe("firstOpenStep", () => {
  it("is the first step to do, else the test send", () => {
    expect(firstOpenStep(setupStepStates(base))).toBe("senders");
    expect(firstOpenStep(setupStepStates({ ...base, poolSize: 1 }))).toBe("integration");
    expect(firstOpenStep(setupStepStates({ ...base, poolSize: 1, usLongCodes: 1, integrationConfigured: true }))).toBe("compliance");
    const allSkipped = { ...base, recorded: { senders: "skipped", integration: "skipped", compliance: "skipped" } } as const;
    expect(firstOpenStep(setupStepStates(allSkipped))).toBe("test");
  });
});

describe("adjacentSteps and isSetupStep", () => {
  it("walks the steps in order", () => {
    expect(adjacentSteps("details")).toEqual({ previous: undefined, next: "senders" });
    expect(adjacentSteps("compliance")).toEqual({ previous: "integration", next: "test" });
    expect(adjacentSteps("test")).toEqual({ previous: "compliance", next: undefined });
    expect(isSetupStep("integration")).toBe(true);
    expect(isSetupStep("billing")).toBe(false);
  });
});
