import { test, expect } from "./fixtures/test";
import { createTestAccount, e2eDb } from "./fixtures/db";
import { signInViaApi } from "./fixtures/test";
import { seedMessages } from "./fixtures/messages";
import { seedNumber, seedService, uniqueDigits } from "./fixtures/inventory";

/**
 * A backlog as the queue holds it: `accepted` rows (no dispatch job, so the
 * e2e server's workers leave them waiting and the figures stay put).
 */
async function seedBacklog(accountSid: string, serviceSid: string, count: number, toPrefix: string) {
  await e2eDb().query(
    `INSERT INTO messages (sid, account_sid, service_sid, direction, "to", body, status, validity_period, created_at, updated_at)
     SELECT 'SM' || md5(random()::text || i), $1, $2, 'outbound-api', $3 || lpad(i::text, 7, '0'), 'Backlog ' || i, 'accepted', 36000, now(), now()
       FROM generate_series(1, $4::int) AS i`,
    [accountSid, serviceSid, toPrefix, count],
  );
}

test("a service with queued traffic shows depth, drain time, a suggestion and its busiest sender, live", async ({ signedIn: page, account }) => {
  const serviceSid = await seedService(account.accountSid, "Flash Sales");
  const number = `+1415555${uniqueDigits(4)}`;
  await seedNumber(account.accountSid, number, { serviceSid });
  await seedBacklog(account.accountSid, serviceSid, 1200, "+1415");
  await seedMessages(account.accountSid, Array.from({ length: 4 }, (_, i) => ({ serviceSid, from: number, to: `+1646555${String(1000 + i)}`, body: `Hi ${i}` })));

  await page.goto(`/services/${serviceSid}`);
  await page.getByRole("navigation", { name: "Service sections" }).getByRole("link", { name: "Scaling" }).click();
  await expect(page.getByRole("link", { name: "Scaling" })).toHaveAttribute("aria-current", "page");

  const queue = page.getByRole("region", { name: "Queue" });
  await expect(queue.getByRole("definition").filter({ hasText: /^1,200$/ })).toBeVisible();
  // One long code, paced at 1 per 1.05 s: 1,200 take 1,260 s.
  await expect(queue.getByRole("definition").filter({ hasText: /^21 min$/ })).toBeVisible();
  // 1,200 within 10 minutes is 2/s: three long codes at 0.95/s, or one short code.
  await expect(page.getByRole("list", { name: "Suggestions" })).toContainText("This service's US traffic needs about 3 long codes, or one short code");
  await expect(page.getByRole("table", { name: "Queue by destination" }).getByRole("row", { name: /^US 1,200 21 min 0 Long code 1 / })).toBeVisible();
  await expect(page.getByRole("table", { name: "Busiest senders" }).getByRole("row", { name: new RegExp(`\\${number}`) })).toContainText("Long code");

  // Live: more traffic arrives and the depth follows without a reload (5 s polling).
  await seedBacklog(account.accountSid, serviceSid, 300, "+1212");
  await expect(queue.getByRole("definition").filter({ hasText: /^1,500$/ })).toBeVisible({ timeout: 15_000 });
});

test("a French destination with a long-code-only pool warns on the Sender Pool and the Scaling tab, with its source", async ({ signedIn: page, account }) => {
  const serviceSid = await seedService(account.accountSid, "Paris Alerts");
  const number = `+1415555${uniqueDigits(4)}`;
  await seedNumber(account.accountSid, number, { serviceSid });
  await seedMessages(account.accountSid, [{ serviceSid, from: number, to: "+33612345678", body: "Votre colis arrive" }]);

  await page.goto(`/services/${serviceSid}/sender-pool`);
  const warnings = page.getByRole("list", { name: "Scaling warnings" });
  await expect(warnings.getByRole("alert")).toContainText("France allows local long codes only for person-to-person traffic");
  await warnings.getByText("Source").click();
  await expect(warnings).toContainText("France prohibits the use of local long code numbers");

  await page.goto(`/services/${serviceSid}/scaling`);
  await expect(page.getByRole("list", { name: "Scaling warnings" }).getByRole("alert")).toContainText("Add an alphanumeric sender ID");
});

test("snowshoeing: one body from three long codes is flagged", async ({ signedIn: page, account }) => {
  const serviceSid = await seedService(account.accountSid, "Spread");
  const d = uniqueDigits(3);
  const numbers = [`+1415556${d}1`, `+1415556${d}2`, `+1415556${d}3`];
  for (const n of numbers) await seedNumber(account.accountSid, n, { serviceSid });
  await seedMessages(account.accountSid, numbers.map((from, i) => ({ serviceSid, from, to: `+1646555200${i}`, body: "Huge sale tonight only" })));
  await page.goto(`/services/${serviceSid}/scaling`);
  await expect(page.getByRole("list", { name: "Scaling warnings" })).toContainText('Snowshoeing: 3 phone numbers of this service sent the same content ("Huge sale tonight only"');
  await page.goto(`/services/${serviceSid}/sender-pool`);
  await expect(page.getByRole("list", { name: "Scaling warnings" })).toContainText("Snowshoeing: 3 phone numbers");
});

test("another account's service: the tab and its live figures are not found", async ({ page }) => {
  const owner = await createTestAccount();
  const serviceSid = await seedService(owner.accountSid, "Private");
  const intruder = await createTestAccount();
  await signInViaApi(page.request, intruder);
  expect((await page.goto(`/services/${serviceSid}/scaling`))?.status()).toBe(404);
  const live = await page.request.get(`/services/${serviceSid}/scaling/live`);
  expect(live.status()).toBe(404);
  expect(JSON.stringify(await live.json())).not.toContain("Private");
  // Signed out: no figures at all.
  const anonymous = await page.context().browser()!.newContext();
  expect((await anonymous.request.get(`${test.info().project.use.baseURL}/services/${serviceSid}/scaling/live`)).status()).toBe(401);
  await anonymous.close();
});

for (const [width, height] of [
  [1366, 900],
  [390, 844],
] as const) {
  test(`the Scaling tab fits ${width} px`, async ({ signedIn: page, account }) => {
    await page.setViewportSize({ width, height });
    const serviceSid = await seedService(account.accountSid, "Fits");
    const number = `+1415555${uniqueDigits(4)}`;
    await seedNumber(account.accountSid, number, { serviceSid });
    await seedBacklog(account.accountSid, serviceSid, 50, "+3361");
    await seedMessages(account.accountSid, [{ serviceSid, from: number, to: "+33612345678" }]);
    await page.goto(`/services/${serviceSid}/scaling`);
    await expect(page.getByRole("region", { name: "Queue" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Scaling warnings" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`scaling-${width}.png`), fullPage: true });
  });
}
