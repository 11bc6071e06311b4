import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { addLongCode, addShortCode, makeAccount, makeService } from "./pipeline-fixtures";

let server: ApiServer;
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  server = await startApiServer();
});
afterAll(async () => server?.stop());

describe("unknown paths answer Twilio's JSON 20404", () => {
  for (const [method, path] of [
    ["GET", "/v1/Nope"],
    ["POST", "/v1/Services/MG00000000000000000000000000000000/Nope/Deeper"],
    ["DELETE", "/2010-04-01/Nope.json"],
    ["GET", "/2010-04-01/Accounts/AC00000000000000000000000000000000/Calls.json"],
    ["PUT", "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/SM1/Nope/More.json"],
  ] as const) {
    it(`${method} ${path}`, async () => {
      const res = await fetch(server.url + path, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ code: 20404, message: "The requested resource was not found", more_info: "https://www.twilio.com/docs/errors/20404", status: 404 });
    });
  }

  it("the twilio client reports the code, not a parse failure", async () => {
    const account = await makeAccount();
    const recorded: Recorded[] = [];
    const client = conformanceClient(server, account.sid, account.authToken, recorded);
    const err = await client.request({ method: "get", uri: `${server.url}/v1/NoSuchResource` }).then((r) => r.body as unknown);
    expect(err).toMatchObject({ code: 20404, status: 404 });
  });
});

describe("existing operations conform to Twilio's description", () => {
  it("messages, numbers, short codes, available numbers, services and senders", async () => {
    const account = await makeAccount();
    const recorded: Recorded[] = [];
    const client = conformanceClient(server, account.sid, account.authToken, recorded);
    const service = await client.messaging.v1.services.create({ friendlyName: "conformance" });
    await client.messaging.v1.services(service.sid).fetch();
    await client.messaging.v1.services(service.sid).update({ friendlyName: "renamed" });
    await client.messaging.v1.services.list({ limit: 5 });
    const pn = await addLongCode(account.sid, null);
    await client.messaging.v1.services(service.sid).phoneNumbers.create({ phoneNumberSid: pn.sid });
    await client.messaging.v1.services(service.sid).phoneNumbers.list();
    await client.messaging.v1.services(service.sid).phoneNumbers(pn.sid).fetch();
    const sc = await addShortCode(account.sid, (await makeService(account.sid)).sid, String(10000 + Math.floor(Math.random() * 80000)));
    await client.api.v2010.accounts(account.sid).shortCodes.list();
    await client.api.v2010.accounts(account.sid).shortCodes(sc.sid).fetch();
    await client.api.v2010.accounts(account.sid).incomingPhoneNumbers.list();
    await client.api.v2010.accounts(account.sid).incomingPhoneNumbers(pn.sid).fetch();
    await client.api.v2010.accounts(account.sid).incomingPhoneNumbers(pn.sid).update({ friendlyName: "x" });
    await client.api.v2010.accounts(account.sid).availablePhoneNumbers("US").local.list({ limit: 2 });
    await client.api.v2010.accounts(account.sid).availablePhoneNumbers("US").tollFree.list({ limit: 2 });
    const m = await client.messages.create({ to: "+14155550123", messagingServiceSid: service.sid, body: "conformance" });
    await client.messages(m.sid).fetch();
    await client.messages.list({ limit: 5 });
    await client.messaging.v1.usecases.fetch();
    expect(recorded.length).toBeGreaterThan(15);
    expect(nonConforming(recorded)).toEqual([]);
  });
});

describe("IncomingPhoneNumbers by type", () => {
  it("lists and buys Local, TollFree and Mobile numbers, each carrying its type", async () => {
    const account = await makeAccount();
    const recorded: Recorded[] = [];
    const api = conformanceClient(server, account.sid, account.authToken, recorded).api.v2010.accounts(account.sid);
    const [tf] = await api.availablePhoneNumbers("US").tollFree.list({ limit: 1 });
    const tollFree = await api.incomingPhoneNumbers.tollFree.create({ phoneNumber: String(tf?.phoneNumber) });
    expect(tollFree.sid).toMatch(/^PN[0-9a-f]{32}$/);
    const [lo] = await api.availablePhoneNumbers("US").local.list({ areaCode: 415, limit: 1 });
    const local = await api.incomingPhoneNumbers.local.create({ phoneNumber: String(lo?.phoneNumber) });
    expect(local.phoneNumber).toMatch(/^\+1415\d{7}$/);
    expect((await api.incomingPhoneNumbers.local.list()).map((n) => n.sid)).toEqual([local.sid]);
    expect((await api.incomingPhoneNumbers.tollFree.list()).map((n) => n.sid)).toEqual([tollFree.sid]);
    expect(await api.incomingPhoneNumbers.mobile.list()).toEqual([]);
    const all = await api.incomingPhoneNumbers.list();
    expect(Object.fromEntries(all.map((n) => [n.sid, (n as unknown as { type: string }).type]))).toEqual({ [local.sid]: "local", [tollFree.sid]: "tollfree" });
    // A toll-free number is not bought through Local.json.
    const [tf2] = await api.availablePhoneNumbers("US").tollFree.list({ limit: 1 });
    await expect(api.incomingPhoneNumbers.local.create({ phoneNumber: String(tf2?.phoneNumber) })).rejects.toMatchObject({ status: 400, code: 21421 });
    expect(nonConforming(recorded)).toEqual([]);
  });

  it("another account's path is refused, and its numbers are not listed", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    await addLongCode(a.sid, null);
    const recorded: Recorded[] = [];
    const asB = conformanceClient(server, b.sid, b.authToken, recorded).api.v2010;
    await expect(asB.accounts(a.sid).incomingPhoneNumbers.local.list()).rejects.toMatchObject({ status: 401, code: 20003 });
    expect(await asB.accounts(b.sid).incomingPhoneNumbers.local.list()).toEqual([]);
  });
});

describe("coverage of the description", () => {
  it("every Messaging Services and sending operation of Twilio's description has a route", async () => {
    const { describedOperations } = await import("@/tests/conformance/validate-response");
    const { routeFor } = await import("./api-server");
    const sample = (template: string) =>
      template
        .replace("{AccountSid}", "AC0123456789abcdef0123456789abcdef")
        .replace(/\{(MessageSid)\}/, "SM0123456789abcdef0123456789abcdef")
        .replace(/\{(ServiceSid|MessagingServiceSid)\}/, "MG0123456789abcdef0123456789abcdef")
        .replace("{DomainSid}", "DN0123456789abcdef0123456789abcdef")
        .replace("{CountryCode}", "US")
        .replace(/\{Sid\}/, "XX0123456789abcdef0123456789abcdef");
    const ops = describedOperations();
    expect(ops).toHaveLength(76);
    const missing: string[] = [];
    for (const op of ops) {
      const [method, template] = op.split(" ") as [string, string];
      const route = await routeFor(method, sample(template));
      if (!route || route === "catch-all") missing.push(op);
    }
    expect(missing).toEqual([]);
  });
});
