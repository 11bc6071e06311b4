import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { seedAlerts } from "./fixtures/content";
import { seedMessages, seedService } from "./fixtures/messages";
import { twilioClient } from "./fixtures/twilio-client";
import { baseURL } from "../playwright.config";

test("Alerts: newest first, paging, filters by service and type, link to the message, other accounts' alerts hidden", async ({ signedIn: page, account }) => {
  const codes = await seedService(account.accountSid, "Codes");
  const promos = await seedService(account.accountSid, "Promos");
  const [messageSid] = await seedMessages(account.accountSid, [{ serviceSid: promos, to: "+447400123456", from: "ACME", body: "Sale" }]);
  const base = Date.parse("2026-11-20T10:00:00Z");
  await seedAlerts(
    account.accountSid,
    Array.from({ length: 53 }, (_, i) => ({ serviceSid: codes, code: 21612, text: `Sender ID pre-registration is required for IN (#${i})`, createdAt: new Date(base + i * 60_000) })),
  );
  await seedAlerts(account.accountSid, [
    { serviceSid: promos, messageSid, code: 30006, text: "The recipient's carrier cannot receive MMS", createdAt: new Date(base - 3_600_000) },
    { serviceSid: promos, messageSid, code: 21612, level: "notice", text: "Sender ID pre-registration is recommended for GB", createdAt: new Date(base + 100 * 60_000) },
  ]);
  const other = await createTestAccount();
  await seedAlerts(other.accountSid, [{ code: 21612, text: "not yours", createdAt: new Date(base) }]);

  await page.goto("/alerts");
  const table = page.getByRole("table", { name: "Alerts" });
  await expect(table.getByRole("row")).toHaveCount(51); // header + 50
  await expect(table.getByRole("row").nth(1)).toContainText("recommended for GB"); // newest first
  await expect(table.getByRole("row").nth(2)).toContainText("(#52)");
  await expect(page.getByText("not yours")).toHaveCount(0);
  await page.getByRole("link", { name: "Older alerts" }).click();
  await expect(table.getByRole("row")).toHaveCount(6); // 55 - 50 + header
  await expect(table.getByRole("row").last()).toContainText("cannot receive MMS");
  await expect(page.getByRole("link", { name: "Older alerts" })).toHaveCount(0);

  await page.goto("/alerts");
  await page.getByLabel("Service").selectOption({ label: "Promos" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
  await page.getByLabel("Type").selectOption("30006");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Carrier cannot receive MMS (30006)");
  await table.getByRole("link", { name: messageSid }).click();
  await expect(page).toHaveURL(new RegExp(`/logs/${messageSid}$`));

  // A bad filter in the URL is a field error and no rows, not a crash.
  await page.goto("/alerts?code=12345");
  await expect(page.getByText("Unknown alert type")).toBeVisible();
  await expect(page.getByText("No alerts")).toBeVisible();
});

test("Alerts: empty state for an account without alerts", async ({ signedIn: page }) => {
  await page.goto("/alerts");
  await expect(page.getByText("No alerts")).toBeVisible();
  await expect(page.getByRole("table", { name: "Alerts" })).toHaveCount(0);
});

test("Alerts REST (Monitor API) through the twilio client: list, filters, paging, fetch; another account's alert is 20404", async ({ account }) => {
  const base = Date.parse("2026-11-20T10:00:00Z");
  await seedAlerts(account.accountSid, [
    { code: 21612, text: "required for IN", createdAt: new Date(base) },
    { code: 21612, level: "notice", text: "recommended for GB", createdAt: new Date(base + 60_000) },
    { code: 30006, text: "cannot receive MMS", createdAt: new Date(base + 120_000) },
  ]);
  const other = await createTestAccount();
  await seedAlerts(other.accountSid, [{ code: 21612, text: "not yours", createdAt: new Date(base) }]);
  const client = twilioClient(account.accountSid, account.authToken);
  client.monitor.baseUrl = baseURL;

  const all = await client.monitor.v1.alerts.list({ pageSize: 2 });
  expect(all.map((a) => a.alertText)).toEqual(["cannot receive MMS", "recommended for GB", "required for IN"]);
  expect(all[0]).toMatchObject({ accountSid: account.accountSid, errorCode: "30006", logLevel: "warning", moreInfo: "https://www.twilio.com/docs/errors/30006" });
  expect(all[0]?.sid).toMatch(/^NO[0-9a-f]{32}$/);
  expect((await client.monitor.v1.alerts.list({ logLevel: "notice" })).map((a) => a.alertText)).toEqual(["recommended for GB"]);
  expect((await client.monitor.v1.alerts.list({ startDate: new Date(base + 30_000), endDate: new Date(base + 90_000) })).map((a) => a.alertText)).toEqual(["recommended for GB"]);
  const one = await client.monitor.v1.alerts(all[2]?.sid as string).fetch();
  expect(one.alertText).toBe("required for IN");

  const theirs = twilioClient(other.accountSid, other.authToken);
  theirs.monitor.baseUrl = baseURL;
  await expect(theirs.monitor.v1.alerts(all[2]?.sid as string).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  expect((await theirs.monitor.v1.alerts.list()).map((a) => a.alertText)).toEqual(["not yours"]);
  await expect(client.monitor.v1.alerts("NOnope").fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});
