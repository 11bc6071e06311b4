import { randomBytes } from "node:crypto";
import { test, expect } from "../fixtures/test";
import { createTestAccount, e2eDb, type TestAccount } from "../fixtures/db";
import { twilioClient } from "../fixtures/twilio-client";
import { baseURL } from "../../playwright.config";

const hex = (n: number) => randomBytes(n).toString("hex");
let seq = Math.floor(Math.random() * 4_000_000);
const freshNumber = () => `+1415${String(3_000_000 + (seq++ % 6_000_000)).padStart(7, "0")}`;

/** Seeds a service (optionally with a long code) straight into the e2e database. */
async function seedService(account: TestAccount, opts: { withNumber?: boolean } = {}) {
  const serviceSid = "MG" + hex(16);
  await e2eDb().query(`INSERT INTO services (sid, account_sid, friendly_name, updated_at) VALUES ($1, $2, 'e2e', now())`, [serviceSid, account.accountSid]);
  let phoneNumber: string | undefined;
  if (opts.withNumber !== false) phoneNumber = await seedNumber(account, serviceSid);
  return { serviceSid, phoneNumber: phoneNumber as string };
}

async function seedNumber(account: TestAccount, serviceSid: string | null): Promise<string> {
  const phoneNumber = freshNumber();
  await e2eDb().query(
    `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, iso_country, number_type, service_sid, added_to_service_at, updated_at)
     VALUES ($1, $2, $3, 'n', 'US', 'local', $4, now(), now())`,
    ["PN" + hex(16), account.accountSid, phoneNumber, serviceSid],
  );
  return phoneNumber;
}

type Client = ReturnType<typeof twilioClient>;
async function finalStatus(client: Client, sid: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const m = await client.messages(sid).fetch();
    if (["delivered", "undelivered", "failed", "canceled"].includes(m.status)) return m.status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`message ${sid} never reached a final status`);
}

test("Messages through the twilio client: create (service and From), fetch, list with paging and filters", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const { serviceSid, phoneNumber } = await seedService(account);

  const viaService = await client.messages.create({ to: "+14155550100", messagingServiceSid: serviceSid, body: "hello via service" });
  expect(viaService.sid).toMatch(/^SM[0-9a-f]{32}$/);
  expect(viaService.status).toBe("accepted");
  expect(viaService.messagingServiceSid).toBe(serviceSid);
  expect(viaService.from).toBeNull();
  expect(viaService.numSegments).toBe("0");
  expect(viaService.numMedia).toBe("0");
  expect(viaService.direction).toBe("outbound-api");
  expect(viaService.apiVersion).toBe("2010-04-01");
  expect(viaService.dateCreated).toBeInstanceOf(Date);
  expect(viaService.uri).toBe(`/2010-04-01/Accounts/${account.accountSid}/Messages/${viaService.sid}.json`);
  expect(viaService.subresourceUris.media).toBe(`/2010-04-01/Accounts/${account.accountSid}/Messages/${viaService.sid}/Media.json`);

  const viaFrom = await client.messages.create({ to: "+14155550101", from: phoneNumber, body: "hello via from" });
  expect(viaFrom.status).toBe("queued");
  expect(viaFrom.from).toBe(phoneNumber);
  expect(viaFrom.numSegments).toBe("1");

  expect(await finalStatus(client, viaService.sid)).toBe("delivered");
  expect(await finalStatus(client, viaFrom.sid)).toBe("delivered");
  const fetched = await client.messages(viaService.sid).fetch();
  expect(fetched.from).toBe(phoneNumber);
  expect(fetched.numSegments).toBe("1");
  expect(fetched.dateSent).toBeInstanceOf(Date);
  expect(fetched.body).toBe("hello via service");

  for (let i = 0; i < 3; i++) await client.messages.create({ to: "+14155550102", from: phoneNumber, body: `bulk ${i}` });
  const all: string[] = [];
  await client.messages.each({ pageSize: 2 }, (m) => {
    all.push(m.sid);
  });
  expect(all).toHaveLength(5);
  expect(new Set(all).size).toBe(5);
  const page = await client.messages.page({ pageSize: 2 });
  expect(page.instances).toHaveLength(2);
  const next = await page.nextPage();
  expect(next?.instances).toHaveLength(2);
  expect(next?.instances.map((m) => m.sid)).not.toContain(page.instances[0]!.sid);

  expect((await client.messages.list({ to: "+14155550102" })).map((m) => m.body).sort()).toEqual(["bulk 0", "bulk 1", "bulk 2"]);
  expect(await client.messages.list({ from: phoneNumber, limit: 20 })).toHaveLength(5);
  const today = new Date();
  const sentToday = await client.messages.list({ dateSent: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) });
  expect(sentToday.length).toBeGreaterThanOrEqual(2);
  expect(await client.messages.list({ dateSentAfter: new Date(Date.now() + 86_400_000) })).toHaveLength(0);
  expect((await client.messages.list({ dateSentBefore: new Date(Date.now() + 60_000) })).length).toBeGreaterThanOrEqual(2);
  // YYYY-MM-DD strings pass through verbatim.
  const day = today.toISOString().slice(0, 10);
  const res = await fetch(`${baseURL}/2010-04-01/Accounts/${account.accountSid}/Messages.json?DateSent=${day}&To=%2B14155550100`, {
    headers: { authorization: "Basic " + Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64") },
  });
  expect(((await res.json()) as { messages: unknown[] }).messages).toHaveLength(1);
});

test("Messages create errors carry Twilio codes", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const { serviceSid, phoneNumber } = await seedService(account);
  const auth = "Basic " + Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64");
  // twilio-node refuses a missing To locally, so the wire is exercised directly.
  const raw = await fetch(`${baseURL}/2010-04-01/Accounts/${account.accountSid}/Messages.json`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ From: phoneNumber, Body: "x" }),
  });
  expect(raw.status).toBe(400);
  expect(await raw.json()).toMatchObject({ code: 21604, status: 400, more_info: "https://www.twilio.com/docs/errors/21604" });

  const cases: [Record<string, unknown>, number][] = [
    [{ to: "+14155550100", body: "x" }, 21603],
    [{ to: "+14155550100", messagingServiceSid: serviceSid }, 21602],
    [{ to: "+14155550100", messagingServiceSid: serviceSid, body: "x".repeat(1601) }, 21617],
    [{ to: "not-a-number", messagingServiceSid: serviceSid, body: "x" }, 21211],
    [{ to: "+14155550100", messagingServiceSid: "MG" + "0".repeat(32), body: "x" }, 21701],
    [{ to: "+14155550100", messagingServiceSid: "MGnope", body: "x" }, 21705],
    [{ to: "+14155550100", messagingServiceSid: serviceSid, body: "x", mediaUrl: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}.png`) }, 21623],
    [{ to: "+14155550100", from: "+14155559999", body: "x" }, 21606],
    [{ to: "+14155550100", from: "!!bad!!", body: "x" }, 21212],
    [{ to: "+14155550100", messagingServiceSid: serviceSid, body: "x", statusCallback: "ftp://nope" }, 21609],
    [{ to: "+14155550100", messagingServiceSid: serviceSid, body: "x", validityPeriod: 0 }, 90007],
    [{ to: "+14155550100", messagingServiceSid: serviceSid, body: "x", validityPeriod: 36001 }, 90007],
    [{ to: "+14155550100", messagingServiceSid: serviceSid, body: "x", scheduleType: "fixed" }, 35111],
    [{ to: "+14155550100", messagingServiceSid: serviceSid, body: "x", scheduleType: "fixed", sendAt: new Date(Date.now() + 60_000) }, 35115],
    [{ to: "+14155550100", messagingServiceSid: serviceSid, body: "x", scheduleType: "fixed", sendAt: new Date(Date.now() + 40 * 86_400_000) }, 35115],
    [{ to: "+14155550100", from: phoneNumber, body: "x", scheduleType: "fixed", sendAt: new Date(Date.now() + 3_600_000) }, 35118],
  ];
  for (const [params, code] of cases) {
    await expect(client.messages.create(params as never), `expected ${code}`).rejects.toMatchObject({ status: 400, code });
  }
  await e2eDb().query(`INSERT INTO opt_outs (service_sid, recipient, source) VALUES ($1, '+14155550177', 'api')`, [serviceSid]);
  await expect(client.messages.create({ to: "+14155550177", messagingServiceSid: serviceSid, body: "x" })).rejects.toMatchObject({ status: 400, code: 21610 });
  await expect(twilioClient(account.accountSid, "wrong").messages.create({ to: "+14155550100", messagingServiceSid: serviceSid, body: "x" })).rejects.toMatchObject({ status: 401, code: 20003 });
});

test("Messages update (redact, cancel a scheduled message), delete, and another account sees nothing", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const { serviceSid, phoneNumber } = await seedService(account);

  const scheduled = await client.messages.create({ to: "+14155550100", messagingServiceSid: serviceSid, body: "later", scheduleType: "fixed", sendAt: new Date(Date.now() + 3_600_000) });
  expect(scheduled.status).toBe("scheduled");
  expect(scheduled.dateSent).toBeNull();
  const canceled = await client.messages(scheduled.sid).update({ status: "canceled" });
  expect(canceled.status).toBe("canceled");
  await expect(client.messages(scheduled.sid).update({ status: "canceled" })).rejects.toMatchObject({ status: 400 });

  const sent = await client.messages.create({ to: "+14155550100", from: phoneNumber, body: "secret" });
  await expect(client.messages(sent.sid).update({ status: "canceled" })).rejects.toMatchObject({ status: 400 });
  expect(await finalStatus(client, sent.sid)).toBe("delivered");
  const redacted = await client.messages(sent.sid).update({ body: "" });
  expect(redacted.body).toBe("");
  expect((await client.messages(sent.sid).fetch()).body).toBe("");

  const other = await createTestAccount();
  const intruder = twilioClient(other.accountSid, other.authToken);
  await expect(intruder.messages(sent.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  await expect(intruder.messages(sent.sid).update({ body: "" })).rejects.toMatchObject({ status: 404 });
  await expect(intruder.messages(sent.sid).remove()).rejects.toMatchObject({ status: 404 });
  expect(await intruder.messages.list()).toHaveLength(0);
  await expect(intruder.messages.create({ to: "+14155550100", messagingServiceSid: serviceSid, body: "x" })).rejects.toMatchObject({ code: 21701 });
  await expect(intruder.messages.create({ to: "+14155550100", from: phoneNumber, body: "x" })).rejects.toMatchObject({ code: 21606 });
  // The path names the account: another account's SID in the path is refused.
  const wrongPath = twilioClient(other.accountSid, other.authToken, account.accountSid);
  await expect(wrongPath.messages.list()).rejects.toMatchObject({ status: 401 });

  expect(await client.messages(sent.sid).remove()).toBe(true);
  await expect(client.messages(sent.sid).fetch()).rejects.toMatchObject({ status: 404 });
});

test("Simulator control API: rules decide the outcome, deliveries are listed, inbound is stored", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const { phoneNumber } = await seedService(account);
  const auth = { authorization: "Basic " + Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64") };
  const form = (o: Record<string, string>) => ({ method: "POST", headers: { ...auth, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(o) });

  expect((await fetch(`${baseURL}/sim/Rules`)).status).toBe(401);
  const rule = await fetch(`${baseURL}/sim/Rules`, form({ Prefix: "+1415555019", Outcome: "failed", ErrorCode: "30007" }));
  expect(rule.status).toBe(201);
  expect(await rule.json()).toMatchObject({ prefix: "1415555019", outcome: "failed", error_code: 30007 });

  const ok = await client.messages.create({ to: "+14155550180", from: phoneNumber, body: "fine" });
  const bad = await client.messages.create({ to: "+14155550190", from: phoneNumber, body: "blocked" });
  expect(await finalStatus(client, ok.sid)).toBe("delivered");
  expect(await finalStatus(client, bad.sid)).toBe("failed");
  expect((await client.messages(bad.sid).fetch()).errorCode).toBe(30007);

  const deliveries = (await (await fetch(`${baseURL}/sim/Deliveries?To=%2B14155550190`, { headers: auth })).json()) as { deliveries: { message_sid: string; received_at: string }[] };
  expect(deliveries.deliveries.map((d) => d.message_sid)).toEqual([bad.sid]);
  expect(deliveries.deliveries[0]!.received_at).toMatch(/\.\d{3}Z$/);

  const inbound = await fetch(`${baseURL}/sim/Inbound`, form({ From: "+14155550123", To: phoneNumber, Body: "hi there" }));
  expect(inbound.status).toBe(201);
  const msg = (await inbound.json()) as { sid: string; status: string; direction: string };
  expect(msg).toMatchObject({ status: "received", direction: "inbound" });
  expect((await client.messages(msg.sid).fetch()).body).toBe("hi there");
  const other = await createTestAccount();
  const otherAuth = "Basic " + Buffer.from(`${other.accountSid}:${other.authToken}`).toString("base64");
  const foreign = await fetch(`${baseURL}/sim/Inbound`, { method: "POST", headers: { authorization: otherAuth, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ From: "+14155550123", To: phoneNumber, Body: "x" }) });
  expect(foreign.status).toBe(404);
});
