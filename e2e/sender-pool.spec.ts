import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { signInViaApi } from "./fixtures/test";
import { poolSize, seedNumber, seedService, seedShortCode, seedStickyMapping, uniqueDigits } from "./fixtures/inventory";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function removeSender(page: Page, label: string) {
  const row = page.getByRole("table", { name: "Senders" }).getByRole("row", { name: new RegExp(`^${escape(label)}`) });
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: `Remove ${label} from the pool?` }).getByRole("button", { name: "Remove sender" }).click();
  await expect(page.getByText("Sender removed from the pool").first()).toBeVisible();
  await expect(row).toHaveCount(0);
}

async function pickOption(page: Page, label: string, contains: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator("option", { hasText: contains }).getAttribute("value");
  await select.selectOption(value!);
}

test("add and remove every sender type, warnings, settings and sticky mappings", async ({ signedIn: page, account }) => {
  test.setTimeout(240_000);
  // The service through the UI; its inventory seeded directly (the numbers spec covers buying).
  await page.goto("/services/new");
  await page.getByLabel("Friendly name").fill("Pool Owner");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "Pool Owner", level: 1 })).toBeVisible();
  const serviceSid = /\/services\/(MG[0-9a-f]{32})/.exec(page.url())![1]!;
  const d = uniqueDigits(4);
  const local = `+1505555${d}`;
  const tf1 = `+1844555${d}`;
  const tf2 = `+1855555${d}`;
  const code = `5${uniqueDigits(5)}`;
  const localSid = await seedNumber(account.accountSid, local);
  await seedNumber(account.accountSid, tf1, { type: "toll_free" });
  await seedNumber(account.accountSid, tf2, { type: "toll_free" });
  await seedShortCode(account.accountSid, code);

  await page.getByRole("link", { name: "Sender Pool" }).click();
  await expect(page.getByRole("heading", { name: "Sender Pool" })).toBeVisible();
  await expect(page.getByText("No sender yet", { exact: true })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "no sender yet" })).toBeVisible();
  await expect(page.getByText("No sticky mappings yet")).toBeVisible();

  const senders = page.getByRole("table", { name: "Senders" });
  // Phone numbers: one local, two toll-free (warning)
  for (const n of [local, tf1, tf2]) {
    await pickOption(page, "Phone number", n);
    await page.getByRole("button", { name: "Add phone number" }).click();
    await expect(page.getByText(`Added ${n} to the pool`)).toBeVisible();
    await expect(senders.getByRole("row", { name: new RegExp(escape(n)) })).toBeVisible();
  }
  await expect(senders.getByRole("row", { name: new RegExp(escape(local)) })).toContainText("Long code");
  await expect(senders.getByRole("row", { name: new RegExp(escape(tf1)) })).toContainText("Toll-free");
  await expect(page.getByRole("note").filter({ hasText: "2 toll-free numbers" })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "no sender yet" })).toHaveCount(0);

  // Short code (default 100 MPS shown)
  await pickOption(page, "Short code", code);
  await page.getByRole("button", { name: "Add short code" }).click();
  await expect(senders.getByRole("row", { name: new RegExp(code) })).toContainText("100");

  // Alpha sender: invalid refused with a field error, then service-wide, then one country with a warning
  await page.getByLabel("Alpha sender ID").fill("12345");
  await page.getByRole("button", { name: "Add alpha sender" }).click();
  await expect(page.getByText("Alpha sender ID cannot be all digits").first()).toBeVisible();
  await page.getByLabel("Alpha sender ID").fill("Acme");
  await page.getByRole("button", { name: "Add alpha sender" }).click();
  await expect(senders.getByRole("row", { name: /Acme/ })).toContainText("Alpha sender (service-wide)");
  await page.getByLabel("Alpha sender ID").fill("Again");
  await page.getByRole("button", { name: "Add alpha sender" }).click();
  await expect(page.getByText("This service already has a service-wide alpha sender").first()).toBeVisible();
  await page.getByLabel("Alpha sender ID").fill("AcmeAE");
  await page.getByLabel("Destination country").selectOption("AE");
  await page.getByRole("button", { name: "Add alpha sender" }).click();
  await expect(page.getByText(/Added alpha sender AcmeAE\. AE requires the sender ID to be pre-registered/)).toBeVisible();
  const ae = senders.getByRole("row", { name: /AcmeAE/ });
  await expect(ae).toContainText("Alpha sender (destination)");
  await expect(ae).toContainText("requires the sender ID to be pre-registered");

  // WhatsApp (country derived) and RCS (approved countries)
  const wa = `+1505555${uniqueDigits(4)}`;
  await page.getByLabel("WhatsApp number").fill("+1");
  await page.getByRole("button", { name: "Add WhatsApp sender" }).click();
  await expect(page.getByText("Enter the number in E.164 format").first()).toBeVisible();
  await page.getByLabel("WhatsApp number").fill(wa);
  await page.getByRole("button", { name: "Add WhatsApp sender" }).click();
  await expect(senders.getByRole("row", { name: new RegExp(escape(`whatsapp:${wa}`)) })).toContainText("US");
  const agent = `acme_${uniqueDigits(8)}`;
  await page.getByLabel("RCS agent ID").fill(agent);
  await page.getByLabel("Approved countries").fill("US, GB");
  await page.getByRole("button", { name: "Add RCS sender" }).click();
  const rcsRow = senders.getByRole("row", { name: new RegExp(`rcs:${agent}`) });
  await expect(rcsRow).toContainText("US, GB");
  await expect(rcsRow).toContainText("80");

  // Survives a reload; the pool table holds all 8
  await page.reload();
  await expect(senders.getByRole("row")).toHaveCount(9);

  // Sender Selection Settings: toggles saved and reloaded
  const sticky = page.getByRole("switch", { name: "Sticky Sender" });
  const geo = page.getByRole("switch", { name: "Area Code Geomatch" });
  const [s0, g0] = [await sticky.isChecked(), await geo.isChecked()];
  await sticky.setChecked(!s0);
  await geo.setChecked(!g0);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Sticky Sender" })).toBeChecked({ checked: !s0 });
  await expect(page.getByRole("switch", { name: "Area Code Geomatch" })).toBeChecked({ checked: !g0 });

  // A sticky mapping shows, and goes when its sender is removed
  await seedStickyMapping(serviceSid, "+15005550006", localSid);
  await page.reload();
  await expect(page.getByRole("table", { name: "Sticky mappings" }).getByRole("row", { name: /\+15005550006/ })).toContainText(local);

  for (const label of [local, tf1, tf2, code, "AcmeAE", "Acme", `whatsapp:${wa}`, `rcs:${agent}`]) await removeSender(page, label);
  await expect(page.getByText("No sender yet", { exact: true })).toBeVisible();
  await expect(page.getByText("No sticky mappings yet")).toBeVisible();
  expect(await poolSize(serviceSid)).toBe(0);
});

test("refusals: a number in another service (named), a number without SMS", async ({ signedIn: page, account }) => {
  const a = await seedService(account.accountSid, "Alpha Team");
  const b = await seedService(account.accountSid, "Beta Team");
  const d = uniqueDigits(4);
  await seedNumber(account.accountSid, `+1606555${d}`, { serviceSid: a });
  await seedNumber(account.accountSid, `+1607555${d}`, { sms: false });
  await page.goto(`/services/${b}/sender-pool`);
  await pickOption(page, "Phone number", `+1606555${d}`);
  await expect(page.getByLabel("Phone number", { exact: true }).locator("option:checked")).toContainText("in Alpha Team");
  await page.getByRole("button", { name: "Add phone number" }).click();
  await expect(page.getByText(`+1606555${d} already belongs to the Messaging Service "Alpha Team" (${a}). Remove it there first.`).first()).toBeVisible();
  await pickOption(page, "Phone number", `+1607555${d}`);
  await page.getByRole("button", { name: "Add phone number" }).click();
  await expect(page.getByText(`+1607555${d} cannot send SMS or MMS`).first()).toBeVisible();
  await page.reload();
  await expect(page.getByText("No sender yet", { exact: true })).toBeVisible();
  expect(await poolSize(b)).toBe(0);
  expect(await poolSize(a)).toBe(1);
});

test("another account: the pool page is a 404 and the real actions answer not found", async ({ account, browser }) => {
  const victimSid = await seedService(account.accountSid, "Victim");
  const victimNumber = await seedNumber(account.accountSid, `+1707555${uniqueDigits(4)}`, { serviceSid: victimSid });

  const other = await createTestAccount();
  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signInViaApi(intruder.request, other);
  const res = await intruder.goto(`/services/${victimSid}/sender-pool`);
  expect(res?.status()).toBe(404);
  await expect(intruder.getByRole("heading", { name: "This page could not be found" })).toBeVisible();
  await expect(intruder.getByText("Victim")).toHaveCount(0);

  const ownSid = await seedService(other.accountSid, "Intruder");
  await intruder.goto(`/services/${ownSid}/sender-pool`);
  const retarget = (form: string) =>
    intruder.locator(`form[aria-label="${form}"] input[name="serviceSid"]`).evaluate((el, v) => ((el as HTMLInputElement).value = v), victimSid);
  await retarget("Add alpha sender");
  await intruder.getByLabel("Alpha sender ID").fill("Hacked");
  await intruder.getByRole("button", { name: "Add alpha sender" }).click();
  await expect(intruder.getByText(`The requested resource /Services/${victimSid} was not found`).first()).toBeVisible();
  await retarget("Add WhatsApp sender");
  await intruder.getByLabel("WhatsApp number").fill(`+1707555${uniqueDigits(4)}`);
  await intruder.getByRole("button", { name: "Add WhatsApp sender" }).click();
  await expect(intruder.getByText(`The requested resource /Services/${victimSid} was not found`).first()).toBeVisible();

  // Removing the victim's number through the real remove action: a form of the intruder's own pool, retargeted
  const mine = await seedNumber(other.accountSid, `+1708555${uniqueDigits(4)}`, { serviceSid: ownSid });
  await intruder.reload();
  const form = intruder.locator(`form[aria-label^="Confirm remove"]`).first();
  await form.locator('input[name="serviceSid"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), victimSid);
  await form.locator('input[name="senderSid"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), victimNumber);
  await intruder.getByRole("table", { name: "Senders" }).getByRole("button", { name: "Remove" }).click();
  await intruder.getByRole("dialog").getByRole("button", { name: "Remove sender" }).click();
  await expect(intruder.getByText(`The requested resource /Services/${victimSid} was not found`).first()).toBeVisible();
  await context.close();

  expect(await poolSize(victimSid)).toBe(1);
  expect(await poolSize(ownSid)).toBe(1);
  expect(mine).toMatch(/^PN/);
});
