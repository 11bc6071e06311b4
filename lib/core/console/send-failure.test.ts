import { describe, expect, it } from "vitest";
import { describeSendFailure, explainErrorCode, failureLine } from "./send-failure";

describe("describeSendFailure", () => {
  const cases = [
    { name: "opted-out recipient goes under To", code: 21610, field: "to", explained: true },
    { name: "invalid To goes under To", code: 21211, field: "to", explained: true },
    { name: "no sender for the destination is about no field", code: 21703, field: undefined, explained: true },
    { name: "an unknown code is about no field and not explained", code: 29999, field: undefined, explained: false },
  ];
  it.each(cases)("$name", ({ code, field, explained }) => {
    const f = describeSendFailure(code, "msg", undefined);
    expect(f.field).toBe(field);
    expect(Boolean(f.explanation)).toBe(explained);
  });
  it("a schema error without a code goes under the first named field", () => {
    expect(describeSendFailure(undefined, "Please correct", { body: ["x"], to: ["y"] }).field).toBe("body");
  });
});

describe("failureLine", () => {
  it("says the code, the message and the explanation", () => {
    expect(failureLine(describeSendFailure(21610, "Attempt to send to unsubscribed recipient", undefined))).toBe(
      `Error 21610: Attempt to send to unsubscribed recipient ${explainErrorCode(21610)}`,
    );
  });
  it("without a code, only the message", () => {
    expect(failureLine({ message: "Not sent." })).toBe("Not sent.");
  });
  it("explains nothing for null", () => {
    expect(explainErrorCode(null)).toBeUndefined();
  });
});
