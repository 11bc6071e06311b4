import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, signInViaApi } from "./fixtures/test";
import { e2eDb } from "./fixtures/db";
import { twilioClient } from "./fixtures/twilio-client";

/** Issue 19 "Team features" (docs/team.md): invites, roles enforced on the server, change password, auth token rotation, copy buttons. */

const hex = (n: number) => randomBytes(n).toString("hex");

async function fitsWidth(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  // Names the widest element sticking out, so a failure says where.
  const culprit = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const clipped = (e: Element): boolean => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    const out = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > w + 0.5 && !clipped(e));
    const leaf = out.find((e) => ![...e.children].some((c) => out.includes(c)));
    return leaf ? `${leaf.tagName.toLowerCase()}.${leaf.className} "${(leaf.textContent ?? "").slice(0, 40)}"` : "";
  });
  expect(overflow, `horizontal overflow at ${width}px: ${culprit}`).toBeLessThanOrEqual(0);
}

test("invite → sign-up in a second browser → read-only sees logs, no edit controls, and a forced POST is refused", async ({ signedIn: page, account, browser, context }) => {
  // Three browser contexts and a dozen page loads: on the shared 2-core machine this takes over a minute.
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings/team");
  await expect(page.getByRole("table", { name: "Users" }).getByRole("cell", { name: account.email, exact: true })).toBeVisible();
  await expect(page.getByText("No pending invites")).toBeVisible();
  await page.getByLabel("Role", { exact: true }).selectOption("read_only");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = (await page.getByLabel("Invite link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  // The copy button puts exactly the link on the clipboard.
  await page.getByRole("button", { name: "Copy invite link" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.reload();
  await expect(page.getByRole("table", { name: "Pending invites" }).getByText("Read-only")).toBeVisible();
  for (const w of [1366, 390]) {
    await fitsWidth(page, w);
    await page.screenshot({ path: test.info().outputPath(`team-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // The invitee, in another browser context (no session).
  const other = await browser.newContext();
  const reader = await other.newPage();
  await reader.goto(link);
  await expect(reader.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(reader.getByText("Read-only", { exact: true })).toBeVisible();
  const email = `reader-${hex(5)}@e2e.test`;
  await reader.getByLabel("Name").fill("Rita Reader");
  await reader.getByLabel("Email").fill(email);
  await reader.getByLabel("Password").fill("short");
  await reader.getByRole("button", { name: "Join and sign in" }).click();
  await expect(reader.getByText("Use at least 10 characters.").first()).toBeVisible();
  await expect(reader.getByLabel("Email")).toHaveValue(email);
  await reader.getByLabel("Password").fill(`reader-pass-${hex(4)}`);
  await reader.getByRole("button", { name: "Join and sign in" }).click();
  await expect(reader.getByRole("heading", { name: "Messaging Services" })).toBeVisible();
  // Read-only: no create button, the create page is not found.
  await expect(reader.getByRole("link", { name: "Create Messaging Service" })).toHaveCount(0);
  expect((await reader.goto("/services/new"))?.status()).toBe(404);
  // Logs are open to it.
  await reader.goto("/logs");
  await expect(reader.getByRole("heading", { name: "Message Logs" })).toBeVisible();
  // Settings: no key creation, no token, retention locked; Team is not found.
  await reader.goto("/settings");
  await expect(reader.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(reader.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  await expect(reader.getByRole("button", { name: "Show auth token" })).toHaveCount(0);
  await expect(reader.getByRole("link", { name: "Team" })).toHaveCount(0);
  const save = reader.getByRole("button", { name: "Save retention" });
  await expect(save).toBeDisabled();
  expect((await reader.goto("/settings/team"))?.status()).toBe(404);

  // A forced POST: re-enable the form in the page and submit; the server refuses and nothing changes.
  await reader.goto("/settings");
  await reader.locator('form[aria-label="Message retention"] fieldset').evaluate((f) => ((f as HTMLFieldSetElement).disabled = false));
  await reader.getByLabel("Keep message logs for (days)").fill("3");
  await save.click();
  await expect(reader.getByText("Your role does not allow this.")).toBeVisible();
  const { rows } = await e2eDb().query<{ message_retention_days: number | null }>("SELECT message_retention_days FROM accounts WHERE sid = $1", [account.accountSid]);
  expect(rows[0]?.message_retention_days).toBeNull();

  // The link was single use.
  const third = await browser.newContext();
  const late = await third.newPage();
  await late.goto(link);
  await expect(late.getByRole("heading", { name: "Invite not valid" })).toBeVisible();
  await third.close();

  // The owner sees the new user and makes them a developer; the reader's next page load has the new role.
  await page.goto("/settings/team");
  const roleSelect = page.getByRole("combobox", { name: `Role of ${email}`, exact: true });
  await expect(roleSelect).toHaveValue("read_only");
  await roleSelect.selectOption("developer");
  await page.getByRole("button", { name: `Save role of ${email}` }).click();
  await expect(page.getByText(`${email} is now developer`)).toBeVisible();
  await reader.goto("/services");
  await expect(reader.getByRole("link", { name: "Create Messaging Service" })).toBeVisible();
  // Removed: signed out at once.
  await page.getByRole("row", { name: new RegExp(email) }).getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove user" }).click();
  await expect(page.getByText(`Removed ${email}`)).toBeVisible();
  await reader.goto("/services");
  await expect(reader).toHaveURL(/\/login/);
  await other.close();
});

test("change password: policy at the field, other sessions signed out, this one kept", async ({ signedIn: page, account, browser }) => {
  const elsewhere = await browser.newContext();
  await signInViaApi(elsewhere.request, account);
  const otherPage = await elsewhere.newPage();
  await otherPage.goto("/settings/profile");
  await expect(otherPage.getByRole("heading", { name: "Profile" })).toBeVisible();

  await page.goto("/settings/profile");
  await expect(page.getByText("Owner", { exact: true })).toBeVisible();
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-pass");
  await page.getByLabel("Confirm new password").fill("a-brand-new-pass");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The current password is wrong." })).toBeVisible();
  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Use at least 10 characters." })).toBeVisible();
  const fresh = `renewed-${hex(6)}`;
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("Confirm new password").fill(fresh);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Other sessions were signed out.")).toBeVisible();
  for (const w of [1366, 390]) {
    await fitsWidth(page, w);
    await page.screenshot({ path: test.info().outputPath(`profile-${w}.png`), fullPage: true });
  }
  // This browser stays signed in; the other session is gone.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await otherPage.goto("/settings/profile");
  await expect(otherPage).toHaveURL(/\/login/);
  // The new password signs in; the old one does not.
  await otherPage.getByLabel("Email").fill(account.email);
  await otherPage.getByLabel("Password").fill(account.password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.getByText("Wrong email or password.")).toBeVisible();
  await otherPage.getByLabel("Password").fill(fresh);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  // Back on the page that sent it to sign-in.
  await expect(otherPage.getByRole("heading", { name: "Profile" })).toBeVisible();
  await elsewhere.close();
});

test("rotate the auth token: secondary beside the primary, promote, the old one refused; copy buttons", async ({ signedIn: page, account, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const api = (token: string) => twilioClient(account.accountSid, token).messaging.v1.services.list();
  await page.goto("/settings");
  await page.getByRole("button", { name: "Copy Account SID" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(account.accountSid);

  await page.getByRole("button", { name: "Create secondary token" }).click();
  await expect(page.getByText("Secondary auth token created")).toBeVisible();
  await page.getByRole("button", { name: "Show secondary token" }).click();
  await expect(page.getByLabel("secondary token", { exact: true })).toHaveText(/^[0-9a-f]{32}$/);
  const secondary = (await page.getByLabel("secondary token", { exact: true }).textContent())!.trim();
  expect(secondary).toMatch(/^[0-9a-f]{32}$/);
  await page.getByRole("button", { name: "Copy secondary token" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secondary);
  for (const w of [1366, 390]) {
    await fitsWidth(page, w);
    await page.screenshot({ path: test.info().outputPath(`settings-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  expect(await api(secondary)).toEqual([]);
  expect(await api(account.authToken)).toEqual([]);

  await page.getByRole("button", { name: "Promote secondary token" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Promote" }).click();
  await expect(page.getByText("Secondary token promoted")).toBeVisible();
  await expect.poll(() => api(account.authToken).then(() => 200, (e: { status?: number }) => e.status), { timeout: 3_000 }).toBe(401);
  expect(await api(secondary)).toEqual([]);
  await page.getByRole("button", { name: "Show auth token" }).click();
  await expect(page.getByLabel("auth token", { exact: true })).toHaveText(secondary);
  await expect(page.getByRole("button", { name: "Create secondary token" })).toBeVisible();
});
