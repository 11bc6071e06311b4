import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/server/auth/options";
import { safeCallbackPath } from "@/lib/server/security/safe-callback-path";

/** Issue 18 item 2: after sign-in only a same-origin path is followed (docs/security.md "Sign-in"). */
describe("sign-in callbackUrl", () => {
  it.each([
    "//evil.example/x",
    "/\\evil.example/x",
    "/\\/evil.example/x",
    "\\\\evil.example",
    "/\t/evil.example/x",
    "/\n/evil.example",
    "https://evil.example/x",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/overview");
  });

  it.each([
    ["/services", "/services"],
    ["/logs?status=failed#top", "/logs?status=failed#top"],
    ["/services/MG1/../../x", "/x"],
  ])("keeps the same-origin path %j", (raw, want) => {
    expect(safeCallbackPath(raw)).toBe(want);
  });

  it("next-auth's redirect callback keeps the user on this origin", async () => {
    const redirect = authOptions.callbacks?.redirect as (a: { url: string; baseUrl: string }) => Promise<string> | string;
    const baseUrl = "http://localhost:3000";
    expect(await redirect({ url: "//evil.example/x", baseUrl })).toBe(`${baseUrl}/overview`);
    expect(await redirect({ url: "https://evil.example/x", baseUrl })).toBe(`${baseUrl}/overview`);
    expect(await redirect({ url: `${baseUrl}//evil.example/x`, baseUrl })).toBe(`${baseUrl}/overview`);
    expect(await redirect({ url: `${baseUrl}/logs`, baseUrl })).toBe(`${baseUrl}/logs`);
    expect(await redirect({ url: "/logs", baseUrl })).toBe(`${baseUrl}/logs`);
  });
});
