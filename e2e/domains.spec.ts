import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { makeCertificate, rest, uniqueDomain } from "./fixtures/links";
import { seedService } from "./fixtures/messages";
import { signInViaApi } from "./fixtures/test";

test("Domains page: add a domain, upload and replace its certificate, configure it, use it for a service, delete it", async ({ signedIn: page, account }) => {
  test.setTimeout(180_000); // two certificate takeovers and many round trips on a shared 2-core box
  await seedService(account.accountSid, "Promotions");
  const domainName = uniqueDomain();
  await page.goto("/domains");
  await expect(page.getByRole("status").filter({ hasText: "No link shortening domains yet" })).toBeVisible();

  // Bad input: a field error, nothing added
  await page.getByLabel("Domain name").fill("localhost");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a domain name" })).toBeVisible();

  await page.getByLabel("Domain name").fill(domainName);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page).toHaveURL(/\/domains\/DN[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 1, name: domainName })).toBeVisible();
  const domainUrl = page.url();
  await expect(page.getByText("No certificate")).toBeVisible();

  // A certificate for another name is refused with the reason
  const certArea = page.getByLabel("Certificate and private key (PEM)");
  await certArea.fill(makeCertificate({ cn: "elsewhere.example.com", sans: ["elsewhere.example.com"] }).bundle);
  await page.getByRole("button", { name: "Upload certificate" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `does not cover ${domainName}` })).toBeVisible();

  // A good one: in validation, then active
  await certArea.fill(makeCertificate({ cn: domainName, sans: [domainName] }).bundle);
  await page.getByRole("button", { name: "Upload certificate" }).click();
  await expect(page.getByText("Certificate uploaded: in validation until it takes over")).toBeVisible();
  await expect(page.getByText("In validation (cert_in_validation)")).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/Active until \d{4}-\d{2}-\d{2}/)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  const firstFingerprint = await page.getByRole("definition").filter({ hasText: /^[0-9A-F:]{95}$/ }).first().textContent();

  // Replacement: the active certificate stays while the new one is validated
  await page.getByLabel("Certificate and private key (PEM)").fill(makeCertificate({ cn: domainName, sans: [domainName], days: 60 }).bundle);
  await page.getByRole("button", { name: "Replace certificate" }).click();
  await expect(page.getByText("In validation (cert_in_validation)")).toBeVisible();
  await expect(page.getByText(/Active until/)).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: firstFingerprint ?? "" }).first()).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("In validation (cert_in_validation)")).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("definition").filter({ hasText: firstFingerprint ?? "" })).toHaveCount(0);

  // Configuration
  const config = page.getByRole("form", { name: "Domain configuration" });
  await config.getByLabel("Fallback URL").fill("nope");
  await config.getByRole("button", { name: "Save configuration" }).click();
  await expect(config.getByRole("alert").filter({ hasText: "Enter an absolute http(s) URL" })).toBeVisible();
  await config.getByLabel("Fallback URL").fill("https://www.example.org/expired");
  await config.getByLabel("Click callback URL").fill("https://hooks.example.org/clicks");
  await config.getByLabel("Continue on failure").uncheck();
  await config.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Domain configuration saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Fallback URL")).toHaveValue("https://www.example.org/expired");
  await expect(page.getByLabel("Click callback URL")).toHaveValue("https://hooks.example.org/clicks");
  await expect(page.getByLabel("Continue on failure")).not.toBeChecked();

  // Messaging Services
  await page.getByLabel("Messaging Service", { exact: true }).selectOption({ label: "Promotions" });
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText("Messaging Service now uses this domain")).toBeVisible();
  const using = page.getByRole("list", { name: "Messaging Services using this domain" });
  await expect(using).toContainText("Promotions");
  await page.goto("/domains");
  const row = page.getByRole("table", { name: "Domains" }).getByRole("row").filter({ hasText: domainName });
  await expect(row).toContainText("Active until");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await page.goto(domainUrl);
  await using.getByRole("button", { name: "Remove Promotions" }).click();
  await expect(page.getByText("No Messaging Service uses this domain yet")).toBeVisible();

  // Delete (confirm)
  await page.getByRole("button", { name: "Delete domain" }).click();
  await page.getByRole("dialog", { name: `Delete ${domainName}?` }).getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/domains$/, { timeout: 30_000 }); // the action redirects once the domain is gone
  await expect(page.getByRole("table", { name: "Domains" })).toHaveCount(0);
});

test("another account's domain is a 404 page", async ({ page }) => {
  const owner = await createTestAccount();
  const dn = (await rest(owner, "POST", "/v1/LinkShortening/Domains", { DomainName: uniqueDomain() })).json.sid as string;
  const intruder = await createTestAccount();
  await signInViaApi(page.request, intruder);
  const res = await page.goto(`/domains/${dn}`);
  expect(res?.status()).toBe(404);
  await page.goto("/domains");
  await expect(page.getByText("No link shortening domains yet")).toBeVisible();
});
