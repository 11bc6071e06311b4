import { describe, expect, it } from "vitest";
import { auditDiff, REDACTED, toAuditJson } from "./audit-diff";

describe("auditDiff", () => {
  it.each([
    {
      name: "an update keeps only the changed fields",
      before: { sid: "MG1", friendlyName: "Old", useCase: "notify", updatedAt: new Date(1) },
      after: { sid: "MG1", friendlyName: "New", useCase: "notify", updatedAt: new Date(2) },
      want: { before: { friendlyName: "Old" }, after: { friendlyName: "New" }, changed: true },
    },
    {
      name: "an update that changes nothing is not a change",
      before: { a: 1, updatedAt: new Date(1) },
      after: { a: 1, updatedAt: new Date(2) },
      want: { before: {}, after: {}, changed: false },
    },
    {
      name: "a creation keeps every field",
      before: null,
      after: { sid: "PN1", accountSid: "AC1", phoneNumber: "+14155550100", smsUrl: null, createdAt: new Date(0) },
      want: { before: null, after: { sid: "PN1", phoneNumber: "+14155550100" }, changed: true },
    },
    {
      name: "a deletion keeps every field before",
      before: { sid: "SK1", friendlyName: "ci" },
      after: null,
      want: { before: { sid: "SK1", friendlyName: "ci" }, after: null, changed: true },
    },
    {
      name: "nested objects are compared field by field",
      before: { settings: { host: "a", port: 1 } },
      after: { settings: { host: "a", port: 2 } },
      want: { before: { settings: { port: 1 } }, after: { settings: { port: 2 } }, changed: true },
    },
    {
      name: "a field that appears shows only after",
      before: { a: 1 },
      after: { a: 1, b: "x" },
      want: { before: {}, after: { b: "x" }, changed: true },
    },
  ])("$name", ({ before, after, want }) => {
    expect(auditDiff(before, after)).toEqual(want);
  });

  it("never keeps a secret's value, and still shows that it changed", () => {
    const d = auditDiff({ secretHash: "aaa", authToken: "t1", friendlyName: "k" }, { secretHash: "bbb", authToken: "t1", friendlyName: "k" });
    expect(d).toEqual({ before: { secretHash: REDACTED }, after: { secretHash: REDACTED }, changed: true });
    const created = auditDiff(null, { sid: "SK1", secret: "s3cr3t", password: "pw", keyEncrypted: "x", privateKey: "p" });
    expect(JSON.stringify(created)).not.toMatch(/s3cr3t|"pw"|"x"|"p"/);
    expect(created.after).toMatchObject({ secret: REDACTED, password: REDACTED, keyEncrypted: REDACTED, privateKey: REDACTED });
  });

  it("redacts credentials inside URLs, and nested secrets", () => {
    expect(toAuditJson({ url: "https://user:pw@example.com/hook", settings: { password: "pw", host: "h" } })).toEqual({
      url: `https://${REDACTED}@example.com/hook`,
      settings: { password: REDACTED, host: "h" },
    });
  });

  it("ignores the fields it is told to", () => {
    expect(auditDiff({ a: 1, b: 1 }, { a: 2, b: 2 }, ["b"])).toEqual({ before: { a: 1 }, after: { a: 2 }, changed: true });
  });
});
