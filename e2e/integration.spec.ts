import { seedService } from "./fixtures/messages";
import { test, expect } from "./fixtures/test";
import { twilioClient } from "./fixtures/twilio-client";

// Whole flows on a shared machine: allow more than the default minute.
test.describe.configure({ timeout: 180_000 });

test("Integration page: each mode's fields, validation with field errors, values saved and seen by the API", async ({ signedIn: page, account }) => {
  const service = await seedService(account.accountSid, "Integrations");
  const client = twilioClient(account.accountSid, account.authToken);
  await page.goto(`/services/${service}/integration`);
  const mode = page.getByLabel("Incoming messages");
  await expect(mode).toHaveValue("defer");
  await expect(page.getByText("Each sender's own webhook")).toBeVisible();
  await expect(page.getByLabel("Request URL")).toHaveCount(0);

  // Webhook mode needs a URL; bad URLs and out-of-range validity are refused field by field
  await mode.selectOption("webhook");
  await expect(page.getByLabel("Request URL")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter the URL incoming messages are sent to")).toBeVisible();
  await page.getByLabel("Request URL").fill("ftp://example.com/in");
  await page.getByLabel("Fallback URL").fill("not a url");
  await page.getByLabel("Validity period (seconds)").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#inboundRequestUrl-error")).toHaveText("Enter an absolute http(s) URL");
  await expect(page.locator("#fallbackUrl-error")).toHaveText("Enter an absolute http(s) URL");
  await expect(page.locator("#validityPeriod-error")).toHaveText("Validity period must be a whole number of seconds from 1 to 36000");
  // What was typed stays for correcting; nothing was stored
  await expect(page.getByLabel("Request URL")).toHaveValue("ftp://example.com/in");
  await expect(page.getByLabel("Validity period (seconds)")).toHaveValue("0");
  const untouched = await client.messaging.v1.services(service).fetch();
  expect(untouched).toMatchObject({ inboundRequestUrl: null, fallbackUrl: null, validityPeriod: 36000 });

  await page.getByLabel("Request URL").fill("https://app.example.com/sms");
  await page.getByLabel("Request method").selectOption("GET");
  await page.getByLabel("Fallback URL").fill("https://backup.example.com/sms");
  await page.getByLabel("Fallback method").selectOption("POST");
  await page.getByRole("switch", { name: "Use the number's own inbound webhook" }).check();
  await page.getByLabel("Status callback URL").fill("https://app.example.com/status");
  await page.getByLabel("Validity period (seconds)").fill("3600");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible({ timeout: 30_000 });

  await page.reload();
  await expect(mode).toHaveValue("webhook");
  await expect(page.getByLabel("Request URL")).toHaveValue("https://app.example.com/sms");
  await expect(page.getByLabel("Request method")).toHaveValue("GET");
  await expect(page.getByLabel("Fallback URL")).toHaveValue("https://backup.example.com/sms");
  await expect(page.getByRole("switch", { name: "Use the number's own inbound webhook" })).toBeChecked();
  await expect(page.getByLabel("Validity period (seconds)")).toHaveValue("3600");
  expect(await client.messaging.v1.services(service).fetch()).toMatchObject({
    inboundRequestUrl: "https://app.example.com/sms",
    inboundMethod: "GET",
    fallbackUrl: "https://backup.example.com/sms",
    fallbackMethod: "POST",
    statusCallback: "https://app.example.com/status",
    validityPeriod: 3600,
    useInboundWebhookOnNumber: true,
  });

  // Switching to conversations keeps the webhook settings for later
  await mode.selectOption("conversation");
  await expect(page.getByText("gets a thread in Conversations")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(mode).toHaveValue("conversation");
  expect((await client.messaging.v1.services(service).fetch()).inboundRequestUrl).toBe("https://app.example.com/sms");

  // Clearing the status callback clears it
  await page.getByLabel("Status callback URL").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible({ timeout: 30_000 });
  expect((await client.messaging.v1.services(service).fetch()).statusCallback).toBeNull();
});

test("v1 API: Twilio errors for bad integration values; a request URL set through the API is 'Send a webhook' in the console", async ({ signedIn: page, account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const svc = await client.messaging.v1.services.create({ friendlyName: "API side" });
  const update = (p: Parameters<ReturnType<typeof client.messaging.v1.services>["update"]>[0]) => client.messaging.v1.services(svc.sid).update(p);
  await expect(update({ inboundRequestUrl: "not a url" })).rejects.toMatchObject({ status: 400, code: 20001, message: expect.stringContaining("InboundRequestUrl") });
  await expect(update({ fallbackUrl: "ftp://x.example.com" })).rejects.toMatchObject({ status: 400, code: 20001, message: expect.stringContaining("FallbackUrl") });
  await expect(update({ inboundMethod: "PUT" as "POST" })).rejects.toMatchObject({ status: 400, code: 20001, message: expect.stringContaining("InboundMethod") });
  await expect(update({ validityPeriod: 36001 })).rejects.toMatchObject({ status: 400, code: 90007 });
  await expect(update({ validityPeriod: 0 })).rejects.toMatchObject({ status: 400, code: 90007 });
  await expect(update({ statusCallback: "nope" })).rejects.toMatchObject({ status: 400, code: 21609 });
  expect(await client.messaging.v1.services(svc.sid).fetch()).toMatchObject({ inboundRequestUrl: null, inboundMethod: "POST", validityPeriod: 36000, statusCallback: null });

  await update({ inboundRequestUrl: "https://api-set.example.com/in", inboundMethod: "GET", validityPeriod: 1 });
  await page.goto(`/services/${svc.sid}/integration`);
  await expect(page.getByLabel("Incoming messages")).toHaveValue("webhook");
  await expect(page.getByLabel("Request URL")).toHaveValue("https://api-set.example.com/in");
  await expect(page.getByLabel("Request method")).toHaveValue("GET");
  await expect(page.getByLabel("Validity period (seconds)")).toHaveValue("1");
});
