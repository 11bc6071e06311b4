import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { seedMessages, seedService } from "./fixtures/messages";
import { signInViaApi } from "./fixtures/test";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

test("Message Logs: every filter, paging, detail, CSV export, live refresh", async ({ signedIn: page, account }) => {
  test.setTimeout(180_000); // a dozen navigations in one story: 60 s is too tight on a busy 2-core runner
  const alerts = await seedService(account.accountSid, "Alerts");
  const promos = await seedService(account.accountSid, "Promos");
  // 55 delivered alerts (more than one page), plus one of each kind to filter for
  await seedMessages(
    account.accountSid,
    Array.from({ length: 55 }, (_, i) => ({ serviceSid: alerts, to: `+1415555${String(1000 + i)}`, createdAt: new Date(Date.parse("2026-11-20T10:00:00Z") + i * 60_000) })),
  );
  const [failedSid] = await seedMessages(account.accountSid, [
    {
      serviceSid: promos,
      to: "+14155559999",
      from: "+18885550100",
      body: "Sale!",
      status: "failed",
      errorCode: 30007,
      createdAt: day("2026-11-10"),
      routingTrace: { trace: ["sticky: no mapping", "tier long_code: PN1 (US)"], warnings: [] },
      events: [
        { status: "queued", at: new Date("2026-11-10T12:00:01Z") },
        { status: "sending", at: new Date("2026-11-10T12:00:02Z") },
        { status: "failed", at: new Date("2026-11-10T12:00:03Z"), errorCode: 30007 },
      ],
      callbacks: [{ status: "failed", url: "https://example.com/status", attempts: 2, responseStatus: 200, deliveredAt: new Date("2026-11-10T12:00:05Z") }],
    },
  ]);
  await seedMessages(account.accountSid, [{ direction: "inbound", from: "+447700900123", to: "+14155550100", body: "STOP", status: "received", createdAt: day("2026-11-05") }]);
  const other = await createTestAccount();
  await seedMessages(other.accountSid, [{ to: "+14155550000", body: "not yours", createdAt: day("2026-11-21") }]);

  await page.goto("/logs");
  const table = page.getByRole("table", { name: "Messages" });
  await expect(table.getByRole("row")).toHaveCount(51); // header + first page of 50
  await expect(page.getByText("not yours")).toHaveCount(0);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(table.getByRole("row")).toHaveCount(58);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  const apply = async (fill: () => Promise<unknown>, rows: number) => {
    await page.goto("/logs");
    await fill();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(table.getByRole("row")).toHaveCount(rows + 1);
  };
  await apply(() => page.getByLabel("Service").selectOption({ label: "Promos" }), 1);
  await apply(() => page.getByLabel("Direction").selectOption("inbound"), 1);
  await apply(() => page.getByLabel("Direction").selectOption("outbound").then(() => page.getByLabel("Sort").selectOption("oldest")), 50);
  await apply(() => page.getByLabel("Status").selectOption("failed"), 1);
  await apply(() => page.getByLabel("Error code").fill("30007"), 1);
  await apply(() => page.getByLabel("To", { exact: true }).fill("+14155551003"), 1);
  await apply(() => page.getByLabel("From", { exact: true }).fill("+447700900123"), 1);
  await apply(async () => {
    await page.getByLabel("Sent on or after").fill("2026-11-04");
    await page.getByLabel("Sent on or before").fill("2026-11-10");
  }, 2);
  await expect(page).toHaveURL(/dateFrom=2026-11-04/);

  // Bad filters are field errors, not a crash
  await page.goto("/logs?errorCode=abc");
  await expect(page.getByText("Error code must be a number")).toBeVisible();
  await page.goto("/logs?dateFrom=2026-11-10&dateTo=2026-11-01");
  await expect(page.getByText("The start date is after the end date")).toBeVisible();
  await expect(page.getByText("Fix the filters above to see messages.")).toBeVisible();

  // Detail view
  await page.goto("/logs?status=failed");
  await page.getByRole("link", { name: `Message ${failedSid}` }).click();
  await expect(page.getByRole("heading", { name: "Message detail" })).toBeVisible();
  await expect(page.getByLabel("Message body")).toHaveText("Sale!");
  const timeline = page.getByRole("list", { name: "Status timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(3);
  await expect(timeline).toContainText("error 30007");
  await expect(page.getByRole("list", { name: "Routing trace" })).toContainText("tier long_code: PN1 (US)");
  await expect(page.getByRole("table", { name: "Status callbacks" })).toContainText("https://example.com/status");

  // CSV export of a filtered view
  await page.goto("/logs?service=" + alerts);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("sid,date_created,date_sent,direction,from,to,status,error_code,num_segments,encoding,messaging_service_sid,body");
  expect(csv).toHaveLength(56);
  await expect(page.getByText("Exported 55 messages")).toBeVisible();

  // Live refresh: a message that arrives while the page is open shows up by itself
  await page.goto("/logs?direction=inbound");
  await expect(table.getByRole("row")).toHaveCount(2);
  await seedMessages(account.accountSid, [{ direction: "inbound", from: "+447700900555", to: "+14155550100", body: "live one", status: "received" }]);
  await expect(page.getByText("live one")).toBeVisible({ timeout: 10_000 });
});

test("another account's message is a 404, in the page and in the data route", async ({ signedIn: page, account, browser }) => {
  const [sid] = await seedMessages(account.accountSid, [{ to: "+14155550001", body: "private" }]);
  const other = await createTestAccount();
  const ctx = await browser.newContext();
  const intruder = await ctx.newPage();
  await signInViaApi(intruder.request, other);
  expect((await intruder.goto(`/logs/${sid}`))?.status()).toBe(404);
  const data = await intruder.request.get(`/api/console/messages?to=%2B14155550001`);
  expect((await data.json()).items).toHaveLength(0);
  expect((await intruder.request.get(`/api/console/messages/export`)).ok()).toBe(true);
  expect(await (await intruder.request.get(`/api/console/messages/export`)).text()).not.toContain("private");
  await ctx.close();
  // Without a session the data routes refuse
  expect((await page.context().browser()!.newContext().then((c) => c.request.get("/api/console/messages"))).status()).toBe(401);
  await page.goto(`/logs/${sid}`);
  await expect(page.getByLabel("Message body")).toHaveText("private");
});
