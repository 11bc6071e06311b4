import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { signInViaApi } from "./fixtures/test";

test("create, edit and delete a Messaging Service", async ({ signedIn: page }) => {
  await page.goto("/services");
  await expect(page.getByText("No Messaging Services yet")).toBeVisible();
  await page.getByRole("link", { name: "Create Messaging Service" }).click();

  // Form errors: empty name
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Friendly name is required").first()).toBeVisible();

  await page.getByLabel("Friendly name").fill("Alerts");
  await page.getByLabel("Use case").selectOption("notifications");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  const sid = (await page.getByText(/^MG[0-9a-f]{32}$/).first().textContent())!.trim();
  // Creating goes on to the guided setup (its own spec); the properties are one tab away.
  await expect(page).toHaveURL(/\/setup\/senders$/);
  await page.getByRole("link", { name: "Properties" }).click();

  await page.getByLabel("Friendly name").fill("Alerts EU");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Friendly name")).toHaveValue("Alerts EU");
  await expect(page.getByLabel("Use case")).toHaveValue("notifications");

  // Integration: bad input is refused, good input is kept
  await page.getByRole("link", { name: "Integration" }).click();
  await page.getByLabel("Validity period (seconds)").fill("40000");
  await page.getByLabel("Status callback URL").fill("not a url");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Validity period must be a whole number of seconds from 1 to 36000")).toBeVisible();
  await expect(page.getByText("Enter an absolute http(s) URL")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Validity period (seconds)")).toHaveValue("36000");
  await page.getByLabel("Validity period (seconds)").fill("600");
  await page.getByLabel("Status callback URL").fill("https://example.com/status");
  await page.getByLabel("Incoming messages").selectOption("webhook");
  await page.getByLabel("Request URL").fill("https://example.com/sms");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Validity period (seconds)")).toHaveValue("600");
  await expect(page.getByLabel("Status callback URL")).toHaveValue("https://example.com/status");
  await expect(page.getByLabel("Incoming messages")).toHaveValue("webhook");

  // Content settings: switches persist
  await page.getByRole("link", { name: "Content Settings" }).click();
  const smart = page.getByRole("switch", { name: "Smart Encoding" });
  const initial = await smart.isChecked();
  await smart.setChecked(!initial);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Smart Encoding" })).toBeChecked({ checked: !initial });

  // Every section opens from the tabs (each has its own spec for what it does)
  await page.getByRole("link", { name: "Opt-Out Management" }).click();
  await expect(page.getByRole("heading", { name: "Advanced Opt-Out" })).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Service sections" });
  await sections.getByRole("link", { name: "Link Shortening" }).click();
  await expect(page.getByRole("heading", { name: "Link Shortening" })).toBeVisible();
  await sections.getByRole("link", { name: "Compliance" }).click();
  await expect(page.getByRole("heading", { name: "Compliance", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Properties" }).click();
  await page.getByRole("button", { name: "Delete service" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Alerts EU?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete service" }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByText("Service deleted")).toBeVisible();
  await expect(page.getByRole("link", { name: "Alerts EU" })).toHaveCount(0);
  await page.goto(`/services/${sid}`);
  await expect(page.getByText("This page could not be found")).toBeVisible();
});

test("another account's service is a 404 in the UI and through the server action", async ({ signedIn: page, browser }) => {
  await page.goto("/services/new");
  await page.getByLabel("Friendly name").fill("Mine");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "Mine", level: 1 })).toBeVisible();
  const sid = /\/services\/(MG[0-9a-f]{32})/.exec(page.url())![1]!;

  const other = await createTestAccount();
  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signInViaApi(intruder.request, other);
  for (const path of ["", "/sender-pool", "/integration", "/content"]) {
    const res = await intruder.goto(`/services/${sid}${path}`);
    expect(res?.status()).toBe(404);
  }
  // The intruder's own list does not show it
  await intruder.goto("/services");
  await expect(intruder.getByRole("link", { name: "Mine" })).toHaveCount(0);

  // Calling the real server actions with the victim's SID: not found, nothing changes
  await intruder.goto("/services/new");
  await intruder.getByLabel("Friendly name").fill("Theirs");
  await intruder.getByRole("button", { name: "Create" }).click();
  await expect(intruder.getByRole("heading", { name: "Theirs", level: 1 })).toBeVisible();
  await intruder.getByRole("link", { name: "Properties" }).click();
  await intruder.locator('form[aria-label="Service properties"] input[name="sid"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), sid);
  await intruder.getByLabel("Friendly name").fill("Hacked");
  await intruder.getByRole("button", { name: "Save" }).click();
  await expect(intruder.getByText(`The requested resource /Services/${sid} was not found`)).toBeVisible();
  await intruder.locator('form[aria-label="Confirm delete"] input[name="sid"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), sid);
  await intruder.getByRole("button", { name: "Delete service" }).click();
  await intruder.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(intruder.getByText(`The requested resource /Services/${sid} was not found`).last()).toBeVisible();
  await context.close();

  // The owner still sees it unchanged
  await page.reload();
  await expect(page.getByRole("heading", { name: "Mine", level: 1 })).toBeVisible();
});
