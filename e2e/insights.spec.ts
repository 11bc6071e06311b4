import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { seedNumber, seedService } from "./fixtures/inventory";
import { seedMessages } from "./fixtures/messages";
import { twilioClient } from "./fixtures/twilio-client";

const number = () => "+1415" + String(2000000 + Math.floor(Math.random() * 7_000_000));

test("Insights: charts' tables show sent messages, filter by service, CSV has the rows, overview shows today's volume", async ({ signedIn: page, account }) => {
  test.setTimeout(120_000); // many pages on a shared 2-core machine
  const a = await seedService(account.accountSid, "Insights A");
  const b = await seedService(account.accountSid, "Insights B");
  await seedNumber(account.accountSid, number(), { serviceSid: a });
  await seedNumber(account.accountSid, number(), { serviceSid: b });
  const client = twilioClient(account.accountSid, account.authToken);
  for (let i = 0; i < 3; i++) await client.messages.create({ messagingServiceSid: a, to: `+1646555010${i}`, body: `insights a ${i}` });
  for (let i = 0; i < 2; i++) await client.messages.create({ messagingServiceSid: b, to: `+1646555020${i}`, body: `insights b ${i}` });
  // Two carrier failures (as the pipeline leaves them), for the error-code chart.
  await seedMessages(account.accountSid, [
    { serviceSid: a, to: "+16465550300", status: "undelivered", errorCode: 30003 },
    { serviceSid: a, to: "+16465550301", status: "undelivered", errorCode: 30003 },
  ]);

  // The landing page after sign-in.
  await page.goto("/");
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByLabel("Today's volume")).toHaveText("7");
  await expect(page.getByRole("link", { name: /Open Alerts/ })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Messaging Insights" }).click();
  await page.getByLabel("Time range").selectOption("24h");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=24h/);
  await expect(page.getByLabel("Outbound")).toHaveText("7");

  const status = page.getByRole("figure", { name: "Messages by status" });
  await status.getByRole("button", { name: "View as table" }).click();
  const table = status.getByRole("table", { name: "Messages by status" });
  await expect(table).toBeVisible();
  // Every message is in exactly one row's cells: the undelivered column sums to 2.
  const undelivered = await table.getByRole("row").evaluateAll((rows) => rows.slice(1).reduce((n, r) => n + Number(r.children[5]?.textContent ?? 0), 0));
  expect(undelivered).toBe(2);

  const errors = page.getByRole("figure", { name: "Top error codes" });
  await errors.getByRole("button", { name: "View as table" }).click();
  await expect(errors.getByRole("row", { name: /30003 Unreachable destination handset 2/ })).toBeVisible();

  // CSV of the same chart.
  const downloadPromise = page.waitForEvent("download");
  await status.getByRole("link", { name: "Download CSV: Messages by status" }).click();
  const csv = await readFile((await (await downloadPromise).path()) as string, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Period,Delivered,Read,Sent,In progress,Undelivered,Failed,Canceled,Received");
  expect(lines).toHaveLength(25);
  const total = lines.slice(1).reduce((n, l) => n + l.split(",").slice(1).reduce((m, c) => m + Number(c), 0), 0);
  expect(total).toBe(7);

  // Filter by service.
  await page.getByLabel("Service").selectOption({ label: "Insights B" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`service=${b}`));
  await expect(page.getByLabel("Outbound")).toHaveText("2");

  // The error code links into Message Logs, filtered to it.
  await page.goto(`/services/${a}/insights?range=24h`);
  await expect(page.getByRole("link", { name: "Insights", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("Outbound")).toHaveText("5");
  await page.getByRole("link", { name: "View 30003 in Message Logs" }).click();
  await expect(page).toHaveURL(/\/logs\?errorCode=30003/);
  await expect(page.getByRole("row").filter({ hasText: "30003" })).toHaveCount(2);
});

test("Insights as another account: its service is not found, its CSV neither", async ({ signedIn: page }) => {
  const other = await createTestAccount();
  const theirs = await seedService(other.accountSid, "Not yours");
  const res = await page.goto(`/services/${theirs}/insights`);
  expect(res?.status()).toBe(404);
  const csv = await page.request.get(`/api/console/insights/export?chart=status&service=${theirs}`);
  expect(csv.status()).toBe(404);
  // The section streams behind its loading state, so the not-found page arrives after a 200.
  await page.goto(`/insights?service=${theirs}`);
  await expect(page.getByRole("heading", { name: "This page could not be found" })).toBeVisible();
  await expect(page.getByText("Not yours")).toHaveCount(0);
});

for (const width of [1366, 390]) {
  test(`Insights and Overview fit a ${width} px screen`, async ({ signedIn: page, account }, testInfo) => {
    const svc = await seedService(account.accountSid, "Layout");
    await seedMessages(account.accountSid, [
      { serviceSid: svc, to: "+16465550400", status: "delivered" },
      { serviceSid: svc, to: "+16465550401", status: "failed", errorCode: 30006 },
      { serviceSid: svc, direction: "inbound", from: "+16465550402", to: "+14155550100", status: "received" },
    ]);
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/overview", "/insights?range=24h", `/services/${svc}/insights?range=7d`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      if (path !== "/overview") await expect(page.getByRole("figure", { name: "Messages by status" }).locator(".recharts-surface").first()).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`${path.replace(/\W+/g, "-")}-${width}.png`), fullPage: true });
      // Nothing scrolls sideways: the page is no wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
}
