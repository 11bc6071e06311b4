import os from "node:os";
import type { ConsoleMessage, Request, Response } from "@playwright/test";
import { test, expect } from "./fixtures/test";

test("sign in through the form, see the console, sign out", async ({ page, account }) => {
  await page.goto("/services");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Messaging Services" })).toBeVisible();
  await expect(page.getByText(account.accountSid)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/services");
  await expect(page).toHaveURL(/\/login/);
});

/** Every URL a page requested or landed on: credentials must appear in none. */
function recordUrls(page: import("@playwright/test").Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  page.on("framenavigated", (f) => urls.push(f.url()));
  return urls;
}
function expectNoCredentials(urls: string[], account: { email: string; password: string }) {
  expect(urls.length).toBeGreaterThan(0);
  for (const u of urls) {
    const decoded = decodeURIComponent(u);
    expect(decoded).not.toContain(account.password);
    expect(decoded).not.toContain(account.email);
    expect(decoded).not.toContain("wrong-password");
  }
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts natively; sign in, wrong password, sign out all work", async ({ page, account }) => {
    const urls = recordUrls(page);
    await page.goto("/services");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("form", { name: "Sign in" })).toHaveAttribute("method", /^post$/i);

    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();

    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Messaging Services" })).toBeVisible();
    await expect(page.getByText(account.accountSid).first()).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/services");
    await expect(page).toHaveURL(/\/login/);
    expectNoCredentials(urls, account);
  });
});

test("with JavaScript, no credential appears in any URL", async ({ page, account }) => {
  const urls = recordUrls(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in from the sign-in page itself: the landing page.
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expectNoCredentials(urls, account);
});

/**
 * The console by 127.0.0.1 and by this machine's name, not only localhost: the
 * pages hydrate (no script blocked), sign-in lands on the same origin with
 * a working session, and sign-out stays there too. The machine's name is
 * mapped to loopback in the browser, so the test does not depend on DNS.
 */
for (const host of ["127.0.0.1", os.hostname()]) {
  test(`the console works when opened as http://${host}`, async ({ playwright, launchOptions, account, baseURL }) => {
    const port = new URL(baseURL as string).port;
    const origin = `http://${host}:${port}`;
    const browser = await playwright.chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${os.hostname()} 127.0.0.1`] });
    try {
      const page = await (await browser.newContext({ baseURL: origin })).newPage();
      const failures: string[] = [];
      page.on("response", (r: Response) => {
        if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
      });
      page.on("console", (m: ConsoleMessage) => {
        // Failed loads are in the response listener above (the browser's own favicon probe is not a page resource).
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) failures.push(m.text());
      });
      await page.goto("/services");
      // Sent to sign-in with the page to come back to.
      await expect(page).toHaveURL(`${origin}/login?callbackUrl=%2Fservices`);
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Messaging Services" })).toBeVisible();
      expect(page.url()).toBe(`${origin}/services`);
      // Hydrated: the nav's links navigate client-side (no new document is loaded), which needs the page's scripts.
      const documents: string[] = [];
      page.on("request", (r: Request) => {
        if (r.resourceType() === "document") documents.push(r.url());
      });
      await page.getByRole("link", { name: "Message Logs" }).first().click();
      await expect(page).toHaveURL(`${origin}/logs`);
      await expect(page.getByRole("heading", { name: "Message Logs" })).toBeVisible();
      expect(documents).toEqual([]);
      await page.getByRole("button", { name: "Sign out" }).first().click();
      await expect(page).toHaveURL(new RegExp(`^${origin.replace(/\./g, "\\.")}/login`));
      expect(failures).toEqual([]);
    } finally {
      await browser.close();
    }
  });
}
