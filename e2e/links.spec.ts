import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { hostGet, rest, seedLinkDomain, seedSendingService, uniqueDomain } from "./fixtures/links";
import { signInViaApi } from "./fixtures/test";

test("service Link Shortening page: choose the domain, send with Shorten URLs, clicks show on the page and the message", async ({ signedIn: page, account }) => {
  const serviceSid = await seedSendingService(account, "Receipts");
  const { domainSid, domainName } = await seedLinkDomain(account, serviceSid, { FallbackUrl: "https://www.example.org/" });
  // The page starts from the REST association; switch it off and on again through the UI
  await page.goto(`/services/${serviceSid}/links`);
  const form = page.getByRole("form", { name: "Link shortening domain" });
  await expect(form.getByLabel("Domain")).toHaveValue(domainSid);
  await expect(page.getByRole("definition").filter({ hasText: "https://www.example.org/" })).toBeVisible();
  await form.getByLabel("Domain").selectOption({ label: "None (no link shortening)" });
  await form.getByRole("button", { name: "Save domain" }).click();
  await expect(page.getByText("Link shortening turned off for this service")).toBeVisible();
  await expect(page.getByRole("list", { name: "Domain configuration" })).toHaveCount(0);
  await form.getByLabel("Domain").selectOption({ label: domainName });
  await form.getByRole("button", { name: "Save domain" }).click();
  await expect(page.getByText("Link shortening domain saved")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "No clicks yet" })).toBeVisible();

  // Send Test with "Shorten URLs"
  await page.goto("/send");
  await page.getByLabel("Messaging Service").selectOption(serviceSid);
  await page.getByLabel("To", { exact: true }).fill("+14155550190");
  await page.getByLabel("Body", { exact: true }).fill("Track it at https://parcel.example.org/track?id=ABC123 today");
  await page.getByLabel(/Shorten URLs/).check();
  await page.getByRole("button", { name: "Send" }).click();
  const toast = page.getByText(/Message SM[0-9a-f]{32} accepted/);
  await expect(toast).toBeVisible();
  const sid = ((await toast.textContent()) ?? "").match(/SM[0-9a-f]{32}/)?.[0] as string;

  // The stored body carries the short link; two clicks through the link listener
  await page.goto(`/logs/${sid}`);
  const body = page.getByLabel("Message body");
  await expect(body).toContainText(`https://${domainName}/`);
  const slug = ((await body.textContent()) ?? "").match(/\/([0-9A-Za-z]{10}) today/)?.[1] as string;
  expect(slug).toBeTruthy();
  expect(await hostGet(domainName, `/${slug}`)).toMatchObject({ status: 302, location: "https://parcel.example.org/track?id=ABC123" });
  expect((await hostGet(domainName, `/${slug}`)).status).toBe(302);
  await page.reload();
  const clicks = page.getByRole("table", { name: "Link clicks" });
  await expect(clicks).toContainText(slug);
  await expect(clicks).toContainText("https://parcel.example.org/track?id=ABC123");
  await expect(clicks.getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText("2");

  // Statistics on the service page: the chart (title + table alternative) and top links
  await page.goto(`/services/${serviceSid}/links`);
  await expect(page.getByRole("img", { name: "Clicks per day" })).toBeVisible();
  await page.getByText("Clicks per day as a table").click();
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByRole("table", { name: "Clicks per day" }).getByRole("row").filter({ hasText: today })).toContainText("2");
  const top = page.getByRole("table", { name: "Top links" });
  await expect(top.getByRole("row").nth(1)).toContainText("https://parcel.example.org/track?id=ABC123");
  await expect(top.getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText("2");
});

test("another account cannot see a service's Link Shortening page or choose a foreign domain", async ({ page }) => {
  const owner = await createTestAccount();
  const serviceSid = await seedSendingService(owner, "Owner");
  const foreign = (await rest(owner, "POST", "/v1/LinkShortening/Domains", { DomainName: uniqueDomain() })).json.sid as string;
  const intruder = await createTestAccount();
  await signInViaApi(page.request, intruder);
  expect((await page.goto(`/services/${serviceSid}/links`))?.status()).toBe(404);
  const mine = await seedSendingService(intruder, "Mine");
  await page.goto(`/services/${mine}/links`);
  await expect(page.getByText("No link shortening domains yet")).toBeVisible();
  // A forged association to the other account's domain changes nothing
  const forged = await rest(intruder, "POST", `/v1/LinkShortening/Domains/${foreign}/MessagingServices/${mine}`);
  expect(forged.status).toBe(404);
});
