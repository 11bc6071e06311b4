import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { seedAlphaSender } from "./fixtures/content";
import { seedService } from "./fixtures/messages";
import { signInViaApi } from "./fixtures/test";
import { twilioClient } from "./fixtures/twilio-client";

test("Compliance: use case and the pre-registration alert switch; alerts raised only when it is on, messages sent either way", async ({ signedIn: page, account }) => {
  const service = await seedService(account.accountSid, "Codes");
  await seedAlphaSender(account.accountSid, service, "ACME");
  const client = twilioClient(account.accountSid, account.authToken);
  const send = async () => {
    const { sid } = await client.messages.create({ to: "+919876543210", messagingServiceSid: service, body: "Your code is 1234" });
    await expect.poll(async () => (await client.messages(sid).fetch()).status, { timeout: 20_000 }).toBe("delivered");
    return sid;
  };

  await page.goto(`/services/${service}/compliance`);
  const form = page.getByRole("form", { name: "Compliance settings" });
  await expect(form.getByLabel("Use case")).toHaveValue("undeclared");
  await expect(form.getByRole("switch", { name: "Sender ID pre-registration alert" })).toBeChecked();
  await expect(page.getByRole("region", { name: "Recent alerts" }).getByText("No alerts")).toBeVisible();

  await form.getByLabel("Use case").selectOption("verification");
  await form.getByRole("switch", { name: "Sender ID pre-registration alert" }).uncheck();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  expect(await client.messaging.v1.services(service).fetch()).toMatchObject({ usecase: "verification" });

  // Off: the message to India (registration required) is sent, no alert.
  await send();
  await page.reload();
  await expect(form.getByLabel("Use case")).toHaveValue("verification");
  await expect(form.getByRole("switch", { name: "Sender ID pre-registration alert" })).not.toBeChecked();
  await expect(page.getByRole("region", { name: "Recent alerts" }).getByText("No alerts")).toBeVisible();

  // On: the same send raises an alert about that message.
  await form.getByRole("switch", { name: "Sender ID pre-registration alert" }).check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  const alerted = await send();
  await page.reload();
  const recent = page.getByRole("table", { name: "Recent alerts" });
  await expect(recent.getByRole("row")).toHaveCount(2);
  await expect(recent).toContainText("Sender ID pre-registration is required for IN");
  await recent.getByRole("link", { name: alerted }).click();
  await expect(page).toHaveURL(new RegExp(`/logs/${alerted}$`));
});

test("Compliance of another account's service is a 404", async ({ page, account }) => {
  const other = await createTestAccount();
  const theirs = await seedService(other.accountSid, "Theirs");
  await signInViaApi(page.request, account);
  expect((await page.goto(`/services/${theirs}/compliance`))?.status()).toBe(404);
});
