import { test, expect } from "./fixtures/test";
import { createTestAccount } from "./fixtures/db";
import { randomUsNumber, simDelivery, simRule } from "./fixtures/content";
import { seedPoolNumber, seedService } from "./fixtures/messages";
import { signInViaApi } from "./fixtures/test";
import { twilioClient } from "./fixtures/twilio-client";

const CURLY = "Hi \u201cthere\u201d \u2014 bye\u2026";
const PLAIN = 'Hi "there" - bye...';

test("Content Settings: the switches save, and the pipeline honours them (Smart Encoding, MMS Converter)", async ({ signedIn: page, account, request }) => {
  const service = await seedService(account.accountSid, "Content");
  await seedPoolNumber(account.accountSid, service, randomUsNumber(), { mms: true });
  const client = twilioClient(account.accountSid, account.authToken);
  // Set before any send: workers cache an account's simulator rules for 2 s.
  const noMms = randomUsNumber();
  await simRule(request, account, { Prefix: noMms, Outcome: "delivered", NoMms: "true" });
  const final = async (sid: string) => {
    await expect.poll(async () => (await client.messages(sid).fetch()).status, { timeout: 20_000 }).toMatch(/delivered|undelivered|failed/);
    return client.messages(sid).fetch();
  };

  // Both on by default; turn both off in the console.
  await page.goto(`/services/${service}/content`);
  const form = page.getByRole("form", { name: "Content settings" });
  await expect(form.getByRole("switch", { name: "Smart Encoding" })).toBeChecked();
  await expect(form.getByRole("switch", { name: "MMS Converter" })).toBeChecked();
  await form.getByRole("switch", { name: "Smart Encoding" }).uncheck();
  await form.getByRole("switch", { name: "MMS Converter" }).uncheck();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(form.getByRole("switch", { name: "Smart Encoding" })).not.toBeChecked();
  await expect(form.getByRole("switch", { name: "MMS Converter" })).not.toBeChecked();
  expect(await client.messaging.v1.services(service).fetch()).toMatchObject({ smartEncoding: false, mmsConverter: false });

  // Smart Encoding off: the carrier gets the curly quotes (UCS-2).
  const to = randomUsNumber();
  const off = await final((await client.messages.create({ to, messagingServiceSid: service, body: CURLY })).sid);
  expect(off.status).toBe("delivered");
  expect((await simDelivery(request, account, to, off.sid))?.body).toBe(CURLY);

  // MMS Converter off, recipient's carrier without MMS: the MMS goes anyway and is not delivered.
  const mmsOff = await final((await client.messages.create({ to: noMms, messagingServiceSid: service, body: "Pic", mediaUrl: ["https://example.com/pic.jpg"] })).sid);
  expect(mmsOff).toMatchObject({ status: "undelivered", errorCode: 30006 });

  // Both on again.
  await form.getByRole("switch", { name: "Smart Encoding" }).check();
  await form.getByRole("switch", { name: "MMS Converter" }).check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();

  const on = await final((await client.messages.create({ to, messagingServiceSid: service, body: CURLY })).sid);
  expect((await simDelivery(request, account, to, on.sid))?.body).toBe(PLAIN);
  expect(on.numSegments).toBe("1");

  const mmsOn = await final((await client.messages.create({ to: noMms, messagingServiceSid: service, body: "Pic", mediaUrl: ["https://example.com/pic.jpg"] })).sid);
  expect(mmsOn.status).toBe("delivered");
  const converted = await simDelivery(request, account, noMms, mmsOn.sid);
  expect(converted?.media_urls).toEqual([]);
  const link = converted?.body.split("\n")[1] ?? "";
  expect(link).toMatch(new RegExp(`/m/${mmsOn.sid}/1$`));
  const redirect = await request.get(new URL(link).pathname, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers().location).toBe("https://example.com/pic.jpg");

  // The message detail shows what Smart Encoding and the converter did.
  await page.goto(`/logs/${on.sid}`);
  await expect(page.getByRole("list", { name: "Routing trace" })).toContainText("content: smart encoding on (service setting); GSM-7, 1 segment(s)");
  await page.goto(`/logs/${mmsOn.sid}`);
  await expect(page.getByRole("list", { name: "Routing trace" })).toContainText("mms converter: 1 link(s) appended");
});

test("Content Settings of another account's service is a 404", async ({ page, account }) => {
  const other = await createTestAccount();
  const theirs = await seedService(other.accountSid, "Theirs");
  await signInViaApi(page.request, account);
  const res = await page.goto(`/services/${theirs}/content`);
  expect(res?.status()).toBe(404);
});
