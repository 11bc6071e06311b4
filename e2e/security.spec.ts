import { test, expect } from "./fixtures/test";

/** Issue 18 items 2 and 9 in a real browser: security headers on the console, the CSP lets the app run, sign-in stays on this origin. */
test("console pages carry the security headers and a nonce CSP that still lets the app run", async ({ page, account }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/login");
  const h = res?.headers() ?? {};
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-powered-by"]).toBeUndefined();
  // Over plain http there is no HSTS (it would lock a plain-http install out).
  expect(h["strict-transport-security"]).toBeUndefined();

  // The form works (hydrated scripts ran under the CSP): a wrong password is answered in place.
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  expect(violations).toEqual([]);
});

test("a protocol-relative callbackUrl does not leave the site after sign-in", async ({ page, account }) => {
  for (const evil of ["//evil.example/x", "/\\evil.example/x"]) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Refused: the landing page instead.
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(page.url()).host.replace(/evil\.example/, "__"));
    expect(page.url()).not.toContain("evil.example");
    await page.context().clearCookies();
  }
});
