import { test, expect } from "./fixtures/test";
import { twilioClient } from "./fixtures/twilio-client";

test("API keys: created on the Settings page, they authenticate the twilio client until deleted", async ({ signedIn: page, account }) => {
  await page.goto("/settings");
  await expect(page.getByText(account.accountSid).first()).toBeVisible();
  await page.getByRole("button", { name: "Show auth token" }).click();
  await expect(page.getByLabel("auth token")).toHaveText(account.authToken);
  await expect(page.getByText("No API keys yet")).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("Name is required")).toBeVisible();

  await page.getByLabel("Key name").fill("CI key");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("Created API key CI key")).toBeVisible();
  const sid = (await page.getByLabel("New key SID").textContent())!.trim();
  const secret = (await page.getByLabel("New key secret").textContent())!.trim();
  expect(sid).toMatch(/^SK[0-9a-f]{32}$/);
  await expect(page.getByRole("table", { name: "API keys" }).getByText(sid)).toBeVisible();

  const client = twilioClient(sid, secret, account.accountSid);
  const svc = await client.messaging.v1.services.create({ friendlyName: "Via key" });
  expect(svc.accountSid).toBe(account.accountSid);
  await expect(twilioClient(sid, "wrong", account.accountSid).messaging.v1.services.list()).rejects.toMatchObject({ status: 401 });

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete key" }).click();
  await expect(page.getByText("API key deleted")).toBeVisible();
  await expect(client.messaging.v1.services.list()).rejects.toMatchObject({ status: 401, code: 20003 });
});
