import { describe, expect, it } from "vitest";
import { validateResponse } from "@/tests/conformance/validate-response";

/** The validator itself: each kind of departure from the description is reported (so a conforming run means something). */
const key = { sid: "SK0123456789abcdef0123456789abcdef", friendly_name: "k", date_created: "Thu, 03 Dec 2026 19:02:37 +0000", date_updated: "Thu, 03 Dec 2026 19:02:37 +0000" };
const url = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Keys/SK0123456789abcdef0123456789abcdef.json";

describe("validateResponse", () => {
  it("accepts a conforming resource and null where a property is unset", () => {
    expect(validateResponse("GET", url, 200, key)).toEqual([]);
    expect(validateResponse("GET", url, 200, { ...key, friendly_name: null })).toEqual([]);
  });
  it("reports a missing property, a wrong type, a bad date, a bad pattern", () => {
    const { friendly_name: _, ...missing } = key;
    expect(validateResponse("GET", url, 200, missing)).toEqual(["GET /2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json.friendly_name: missing"]);
    expect(validateResponse("GET", url, 200, { ...key, friendly_name: 3 })[0]).toMatch(/expected string/);
    expect(validateResponse("GET", url, 200, { ...key, date_created: "2026-12-03T19:02:37Z" })[0]).toMatch(/not an RFC 2822 date/);
    expect(validateResponse("GET", url, 200, { ...key, sid: "PN0123456789abcdef0123456789abcdef" })[0]).toMatch(/does not match/);
  });
  it("reports an enum value the description does not list, an ISO date on v1, a list envelope without its fields", () => {
    const v1 = validateResponse("GET", "/v1/Deactivations", 307, { redirect_to: 5 });
    expect(v1[0]).toMatch(/expected string/);
    const list = validateResponse("GET", "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Keys.json", 200, { keys: [key] });
    expect(list).toContain("GET /2010-04-01/Accounts/{AccountSid}/Keys.json.page: missing");
    const feedback = validateResponse("POST", "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM0123456789abcdef0123456789abcdef/Feedback.json", 200, {
      account_sid: "AC0123456789abcdef0123456789abcdef", message_sid: "SM0123456789abcdef0123456789abcdef", outcome: "maybe", date_created: key.date_created, date_updated: key.date_updated, uri: "/x",
    });
    expect(feedback.join("\n")).toMatch(/"maybe" not in enum/);
    const svc = validateResponse("GET", "/v1/Services/MG0123456789abcdef0123456789abcdef/PhoneNumbers/PN0123456789abcdef0123456789abcdef", 200, {
      sid: "PN0123456789abcdef0123456789abcdef", account_sid: "AC0123456789abcdef0123456789abcdef", service_sid: "MG0123456789abcdef0123456789abcdef",
      date_created: key.date_created, date_updated: "2026-12-03T19:02:37Z", phone_number: "+1", country_code: "US", capabilities: [], url: "http://x",
    });
    expect(svc.join("\n")).toMatch(/date_created: .* is not an ISO 8601 date-time/);
  });
  it("an operation the description lacks is reported", () => {
    expect(validateResponse("GET", "/v1/Nope", 200, {})[0]).toMatch(/no such path/);
  });
});
