import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { signInViaApi } from "./fixtures/test";

test("a service renamed in the console shows in the audit log with before and after; the action filter narrows it", async ({ signedIn: page, account }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/services/new");
  await page.getByLabel("Friendly name").fill("Audit before");
  await page.getByLabel("Use case").selectOption("notifications");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "Audit before", level: 1 })).toBeVisible();
  const sid = (await page.getByText(/^MG[0-9a-f]{32}$/).first().textContent())!.trim();
  // Creating goes on to the guided setup; the properties are one tab away.
  await expect(page).toHaveURL(/\/setup\/senders$/);
  await page.getByRole("link", { name: "Properties" }).click();
  await page.getByLabel("Friendly name").fill("Audit after");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();

  // The same service changed over the API: the account's SID is the actor.
  const api = await page.request.post(`/v1/Services/${sid}`, {
    headers: { authorization: "Basic " + Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64") },
    form: { Usecase: "marketing" },
  });
  expect(api.status()).toBe(200);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit events" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(4); // header, API update, console update, create
  const consoleRow = rows.filter({ hasText: "Audit after" });
  await expect(consoleRow).toContainText(account.email);
  await expect(consoleRow).toContainText("console");
  await expect(consoleRow).toContainText("service.update");
  await expect(consoleRow.getByRole("deletion")).toHaveText(/Audit before/);
  await expect(consoleRow.getByRole("insertion")).toHaveText(/Audit after/);
  await expect(consoleRow.getByRole("link", { name: sid })).toHaveAttribute("href", `/services/${sid}`);
  const apiRow = rows.filter({ hasText: "marketing" });
  await expect(apiRow).toContainText(account.accountSid);
  await expect(apiRow).toContainText("api");
  await expect(apiRow.getByRole("deletion")).toHaveText(/notifications/);
  await page.screenshot({ path: testInfo.outputPath("audit-1366.png"), fullPage: true });

  // Filter by action: only the create is left.
  await page.getByLabel("Action").selectOption("service.create");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=service\.create/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Audit before");
  await expect(page.getByLabel("Action")).toHaveValue("service.create");

  // Filter by actor: the API's change only.
  await page.getByRole("link", { name: "Clear filters" }).click();
  // Typed only once the cleared page is there (a late navigation would wipe the field).
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByLabel("Action")).toHaveValue("");
  await page.getByLabel("Actor").fill(account.accountSid);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/actor=AC/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("marketing");

  // A filter that matches nothing says so; a bad date range is a field error.
  await page.goto(`/audit?resource=MG${"0".repeat(32)}`);
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await page.goto("/audit?from=2026-02-01&to=2026-01-01");
  await expect(page.getByText("The end date is before the start date")).toBeVisible();

  // On a phone: one card per event, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/audit");
  const cards = page.getByRole("list", { name: "Audit events" }).getByRole("listitem");
  await expect(cards).toHaveCount(3);
  await expect(cards.filter({ hasText: "Audit after" })).toContainText(account.email);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath("audit-390.png"), fullPage: true });
});

test("another account's audit log does not show these events", async ({ signedIn: page, browser }) => {
  await page.goto("/services/new");
  await page.getByLabel("Friendly name").fill("Private change");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "Private change", level: 1 })).toBeVisible();
  const sid = (await page.getByText(/^MG[0-9a-f]{32}$/).first().textContent())!.trim();

  const other = await createTestAccount();
  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signInViaApi(intruder.request, other);
  await intruder.goto("/audit");
  await expect(intruder.getByText("No changes recorded yet")).toBeVisible();
  await intruder.goto(`/audit?resource=${sid}`);
  await expect(intruder.getByText("No events match these filters")).toBeVisible();
  await expect(intruder.getByText("Private change")).toHaveCount(0);
  await context.close();
});
