import { randomInt } from "node:crypto";
import twilio from "twilio";
import { createTestAccount } from "./fixtures/db";
import { test, expect } from "./fixtures/test";
import { seedPoolNumber, seedService } from "./fixtures/messages";
import { twilioClient } from "./fixtures/twilio-client";
import { refusedUrl, simDeliveries, simInbound, startWebhookApp, type WebhookHit } from "./fixtures/webhook-app";

// Whole flows through workers and the simulator on a shared machine: allow more than the default minute.
test.describe.configure({ timeout: 180_000 });

const line = () => `+1415${String(randomInt(2_000_000, 9_999_999))}`;
const validSignature = (token: string, hit: WebhookHit) =>
  twilio.validateRequest(token, String(hit.headers["x-twilio-signature"]), hit.url, hit.method === "GET" ? {} : hit.params);

test("defer to the sender's webhook: the number's SmsUrl gets a signed request; its TwiML reply reaches the handset", async ({ request, account }) => {
  const app = await startWebhookApp(() => ({ twiml: "<Response><Message>Got it, thanks!</Message></Response>" }));
  try {
    const client = twilioClient(account.accountSid, account.authToken);
    const service = await seedService(account.accountSid, "Support");
    const number = line();
    const pn = await seedPoolNumber(account.accountSid, service, number);
    await client.incomingPhoneNumbers(pn).update({ smsUrl: app.url("/sms?app=1"), smsMethod: "POST" });
    const handset = line();

    const inbound = await simInbound(request, account, { From: handset, To: number, Body: "Is my order ready?" });
    await expect.poll(() => app.hits.length, { timeout: 20_000 }).toBe(1);
    const hit = app.hits[0] as WebhookHit;
    expect(hit.params).toMatchObject({
      MessageSid: inbound.sid,
      SmsSid: inbound.sid,
      SmsMessageSid: inbound.sid,
      AccountSid: account.accountSid,
      MessagingServiceSid: service,
      From: handset,
      To: number,
      Body: "Is my order ready?",
      NumMedia: "0",
      SmsStatus: "received",
      ApiVersion: "2010-04-01",
    });
    expect(validSignature(account.authToken, hit)).toBe(true);

    // The <Message> went out through the service, from the number that received the text.
    await expect.poll(async () => (await simDeliveries(request, account, handset)).map((d) => `${d.from}: ${d.body}`), { timeout: 20_000 }).toEqual([`${number}: Got it, thanks!`]);
    const sent = await client.messages.list({ to: handset, limit: 5 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ direction: "outbound-api", from: number, messagingServiceSid: service, body: "Got it, thanks!" });
  } finally {
    await app.close();
  }
});

test("send a webhook (set through the v1 API): primary fails with 500, the fallback answers with two messages; the Integration page shows it", async ({ signedIn: page, request, account }) => {
  const primary = await startWebhookApp(() => ({ status: 500, twiml: "down" }));
  const fallback = await startWebhookApp(() => ({
    twiml: `<Response><Message>First</Message><Message><Body>Second</Body></Message></Response>`,
  }));
  try {
    const client = twilioClient(account.accountSid, account.authToken);
    const svc = await client.messaging.v1.services.create({ friendlyName: "Inbound API" });
    const updated = await client.messaging.v1.services(svc.sid).update({ inboundRequestUrl: primary.url("/in"), inboundMethod: "POST", fallbackUrl: fallback.url("/fb"), fallbackMethod: "GET" });
    expect(updated).toMatchObject({ inboundRequestUrl: primary.url("/in"), inboundMethod: "POST", fallbackUrl: fallback.url("/fb"), fallbackMethod: "GET" });
    const number = line();
    await seedPoolNumber(account.accountSid, svc.sid, number);
    const handset = line();

    const inbound = await simInbound(request, account, { From: handset, To: number, Body: "hello" });
    await expect.poll(() => fallback.hits.length, { timeout: 20_000 }).toBe(1);
    expect(primary.hits).toHaveLength(1);
    expect(primary.hits[0]?.params).toMatchObject({ MessageSid: inbound.sid, Body: "hello", MessagingServiceSid: svc.sid });
    const fb = fallback.hits[0] as WebhookHit;
    expect(fb.method).toBe("GET");
    expect(fb.params).toMatchObject({ MessageSid: inbound.sid, Body: "hello", ErrorCode: "11200", ErrorUrl: primary.url("/in") });
    expect(validSignature(account.authToken, primary.hits[0] as WebhookHit)).toBe(true);
    expect(validSignature(account.authToken, fb)).toBe(true);

    await expect.poll(async () => (await simDeliveries(request, account, handset)).map((d) => d.body).sort(), { timeout: 20_000 }).toEqual(["First", "Second"]);

    await page.goto(`/services/${svc.sid}/integration`);
    const recent = page.getByRole("table", { name: "Latest received messages" });
    await expect(recent.getByRole("row")).toHaveCount(2);
    const row = recent.getByRole("row").nth(1);
    await expect(row).toContainText(handset);
    await expect(row).toContainText("fallback");
    await expect(row).toContainText("HTTP 200");
    await expect(row).toContainText(`${primary.url("/in")}: HTTP 500`);
  } finally {
    await primary.close();
    await fallback.close();
  }
});

test("send a webhook: an unreachable primary (connection refused) goes to the fallback", async ({ request, account }) => {
  const fallback = await startWebhookApp(() => ({ twiml: "<Response><Message>Fallback here</Message></Response>" }));
  try {
    const client = twilioClient(account.accountSid, account.authToken);
    const svc = await client.messaging.v1.services.create({ friendlyName: "Refused", inboundRequestUrl: await refusedUrl(), fallbackUrl: fallback.url() });
    const number = line();
    await seedPoolNumber(account.accountSid, svc.sid, number);
    const handset = line();
    await simInbound(request, account, { From: handset, To: number, Body: "anyone?" });
    await expect.poll(() => fallback.hits.length, { timeout: 20_000 }).toBe(1);
    expect(fallback.hits[0]?.params.ErrorCode).toBe("11205");
    await expect.poll(async () => (await simDeliveries(request, account, handset)).map((d) => d.body), { timeout: 20_000 }).toEqual(["Fallback here"]);
  } finally {
    await fallback.close();
  }
});

test("STOP is forwarded with OptOutType=STOP and the opt-out confirmation reaches the handset", async ({ request, account }) => {
  const app = await startWebhookApp();
  try {
    const client = twilioClient(account.accountSid, account.authToken);
    const svc = await client.messaging.v1.services.create({ friendlyName: "Opt-out", inboundRequestUrl: app.url() });
    const number = line();
    await seedPoolNumber(account.accountSid, svc.sid, number);
    const handset = line();
    await simInbound(request, account, { From: handset, To: number, Body: "STOP" });
    await expect.poll(() => app.hits.length, { timeout: 20_000 }).toBe(1);
    expect(app.hits[0]?.params).toMatchObject({ Body: "STOP", OptOutType: "STOP" });
    expect(validSignature(account.authToken, app.hits[0] as WebhookHit)).toBe(true);
    await expect.poll(async () => (await simDeliveries(request, account, handset)).length, { timeout: 20_000 }).toBe(1);
  } finally {
    await app.close();
  }
});

test("another account cannot inject a message to this account's number", async ({ request, account }) => {
  const service = await seedService(account.accountSid, "Mine");
  const number = line();
  await seedPoolNumber(account.accountSid, service, number);
  const intruder = await createTestAccount();
  const res = await request.post("/sim/Inbound", {
    headers: { authorization: "Basic " + Buffer.from(`${intruder.accountSid}:${intruder.authToken}`).toString("base64") },
    form: { From: line(), To: number, Body: "x" },
  });
  expect(res.status()).toBe(404);
  const client = twilioClient(account.accountSid, account.authToken);
  expect(await client.messages.list({ to: number, limit: 5 })).toHaveLength(0);
});
