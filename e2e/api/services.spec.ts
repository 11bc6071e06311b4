import { test, expect } from "../fixtures/test";
import { createTestAccount } from "../fixtures/db";
import { twilioClient } from "../fixtures/twilio-client";

test("v1 Services through the twilio client: create, fetch, update, list with paging, delete", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const created = await client.messaging.v1.services.create({ friendlyName: "API one", usecase: "marketing", stickySender: false, validityPeriod: 600 });
  expect(created.sid).toMatch(/^MG[0-9a-f]{32}$/);
  expect(created.accountSid).toBe(account.accountSid);
  expect(created.friendlyName).toBe("API one");
  expect(created.usecase).toBe("marketing");
  expect(created.stickySender).toBe(false);
  expect(created.validityPeriod).toBe(600);
  expect(created.dateCreated).toBeInstanceOf(Date);
  expect(created.links.phone_numbers).toBe(`${created.url}/PhoneNumbers`);

  const fetched = await client.messaging.v1.services(created.sid).fetch();
  expect(fetched.friendlyName).toBe("API one");

  const updated = await client.messaging.v1.services(created.sid).update({ friendlyName: "API renamed", statusCallback: "https://example.com/cb", areaCodeGeomatch: false });
  expect(updated.friendlyName).toBe("API renamed");
  expect(updated.statusCallback).toBe("https://example.com/cb");
  expect(updated.areaCodeGeomatch).toBe(false);

  for (const n of [2, 3, 4, 5]) await client.messaging.v1.services.create({ friendlyName: `API ${n}` });
  const all = await client.messaging.v1.services.list({ pageSize: 2 });
  expect(all).toHaveLength(5);
  expect(new Set(all.map((s) => s.sid)).size).toBe(5);
  const page = await client.messaging.v1.services.page({ pageSize: 2 });
  expect(page.instances).toHaveLength(2);
  expect(page.nextPageUrl).toMatch(/^http:\/\/localhost:\d+\/v1\/Services\?.*Page=1/);

  const usecases = await client.messaging.v1.usecases.fetch();
  expect(usecases.usecases.map((u: { usecase: string }) => u.usecase)).toContain("notifications");

  expect(await client.messaging.v1.services(created.sid).remove()).toBe(true);
  await expect(client.messaging.v1.services(created.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});

test("v1 Services errors: bad credentials, bad values, another account's service", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  await expect(twilioClient(account.accountSid, "wrong").messaging.v1.services.list()).rejects.toMatchObject({ status: 401, code: 20003 });
  await expect(client.messaging.v1.services.create({ friendlyName: "x", usecase: "spam" })).rejects.toMatchObject({ status: 400, code: 21713 });
  await expect(client.messaging.v1.services.create({ friendlyName: "x", validityPeriod: 0 })).rejects.toMatchObject({ status: 400, code: 90007 });
  await expect(client.messaging.v1.services.create({ friendlyName: "x", statusCallback: "ftp://nope" })).rejects.toMatchObject({ status: 400, code: 21609 });
  await expect(client.messaging.v1.services.create({ friendlyName: "x".repeat(65) })).rejects.toMatchObject({ status: 400 });

  const mine = await client.messaging.v1.services.create({ friendlyName: "Mine" });
  const other = await createTestAccount();
  const intruder = twilioClient(other.accountSid, other.authToken);
  await expect(intruder.messaging.v1.services(mine.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  await expect(intruder.messaging.v1.services(mine.sid).update({ friendlyName: "Hacked" })).rejects.toMatchObject({ status: 404 });
  await expect(intruder.messaging.v1.services(mine.sid).remove()).rejects.toMatchObject({ status: 404 });
  expect(await intruder.messaging.v1.services.list()).toHaveLength(0);
  expect((await client.messaging.v1.services(mine.sid).fetch()).friendlyName).toBe("Mine");
});
