import { randomBytes } from "node:crypto";
import { test, expect } from "../fixtures/test";
import { createTestAccount, e2eDb } from "../fixtures/db";
import { twilioClient } from "../fixtures/twilio-client";

// Each test buys from its own area code: the inventory is shared by every account, and tests run in parallel.

const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

/** Twilio has no API to create short codes (they are provisioned), so the fixture inserts them. */
async function insertShortCode(accountSid: string, opts: { sms?: boolean; mms?: boolean } = {}) {
  const row = { sid: sid("SC"), shortCode: String(100000 + randomBytes(3).readUIntBE(0, 3) % 900000) };
  await e2eDb().query(
    `INSERT INTO short_codes (sid, account_sid, short_code, iso_country, sms_enabled, mms_enabled, updated_at) VALUES ($1, $2, $3, 'US', $4, $5, now())`,
    [row.sid, accountSid, row.shortCode, opts.sms ?? true, opts.mms ?? false],
  );
  return row;
}

test("2010 AvailablePhoneNumbers: Local and TollFree searches with capability, Contains and PageSize", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);

  const local = await client.availablePhoneNumbers("US").local.list({ areaCode: 415, pageSize: 5 });
  expect(local).toHaveLength(5);
  const [first] = local;
  expect(first?.phoneNumber).toMatch(/^\+1415\d{7}$/);
  expect(first).toMatchObject({ isoCountry: "US", addressRequirements: "none", beta: false, region: expect.any(String) });
  expect(Object.keys(first?.capabilities ?? {}).sort()).toEqual(["MMS", "SMS", "fax", "voice"]);

  const smsNoMms = await client.availablePhoneNumbers("US").local.list({ areaCode: 415, smsEnabled: true, mmsEnabled: false, pageSize: 10 });
  expect(smsNoMms.length).toBeGreaterThan(0);
  for (const n of smsNoMms) expect(n.capabilities).toMatchObject({ SMS: true, MMS: false });

  const voiceOnly = await client.availablePhoneNumbers("US").local.list({ areaCode: 415, voiceEnabled: true, smsEnabled: false, pageSize: 3 });
  expect(voiceOnly.length).toBeGreaterThan(0);
  for (const n of voiceOnly) expect(n.capabilities).toMatchObject({ voice: true, SMS: false });

  const contains = await client.availablePhoneNumbers("US").local.list({ areaCode: 415, contains: "JKL0112" });
  expect(contains.map((n) => n.phoneNumber)).toEqual(["+14155550112"]);
  const wildcard = await client.availablePhoneNumbers("US").local.list({ areaCode: 415, contains: "55501*3" });
  expect(wildcard.length).toBeGreaterThan(0);
  for (const n of wildcard) expect(n.phoneNumber).toMatch(/55501\d3$/);

  const tollFree = await client.availablePhoneNumbers("US").tollFree.list({ pageSize: 3 });
  expect(tollFree).toHaveLength(3);
  for (const n of tollFree) expect(n.phoneNumber).toMatch(/^\+18\d{9}$/);
  expect(tollFree[0]?.region).toBeNull();

  const page = await client.availablePhoneNumbers("US").local.page({ areaCode: 415, pageSize: 2 });
  expect(page.instances).toHaveLength(2);
  expect(page.nextPageUrl).toBeUndefined();
});

test("2010 AvailablePhoneNumbers errors: unknown country, bad filters, bad credentials, another account's path", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  await expect(client.availablePhoneNumbers("ZZ").local.list()).rejects.toMatchObject({ status: 404, code: 20404 });
  await expect(client.availablePhoneNumbers("US").local.list({ areaCode: "abc" as unknown as number })).rejects.toMatchObject({ status: 400, code: 21452 });
  await expect(client.availablePhoneNumbers("US").local.list({ contains: "41-5" })).rejects.toMatchObject({ status: 400, code: 20001 });
  await expect(twilioClient(account.accountSid, "wrong").availablePhoneNumbers("US").local.list()).rejects.toMatchObject({ status: 401, code: 20003 });
  const other = await createTestAccount();
  // Valid credentials, but the path names somebody else's account.
  const intruder = twilioClient(other.accountSid, other.authToken, account.accountSid);
  await expect(intruder.availablePhoneNumbers("US").tollFree.list()).rejects.toMatchObject({ status: 401, code: 20003 });
});

test("2010 IncomingPhoneNumbers: buy, list with paging, filter, fetch, update SmsUrl, release", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const candidates = await client.availablePhoneNumbers("US").local.list({ areaCode: 212, smsEnabled: true, pageSize: 4 });
  expect(candidates).toHaveLength(4);
  const [c0, ...rest] = candidates.map((c) => c.phoneNumber);

  const bought = await client.incomingPhoneNumbers.create({ phoneNumber: c0!, friendlyName: "Main line", smsUrl: "https://example.com/in", smsMethod: "POST" });
  expect(bought.sid).toMatch(/^PN[0-9a-f]{32}$/);
  expect(bought).toMatchObject({
    accountSid: account.accountSid,
    phoneNumber: c0,
    friendlyName: "Main line",
    smsUrl: "https://example.com/in",
    smsMethod: "POST",
    status: "in-use",
    origin: "twilio",
    apiVersion: "2010-04-01",
    uri: `/2010-04-01/Accounts/${account.accountSid}/IncomingPhoneNumbers/${bought.sid}.json`,
  });
  expect(bought.capabilities).toMatchObject({ sms: true, voice: true, fax: false });
  expect(bought.dateCreated).toBeInstanceOf(Date);
  expect(Number.isNaN(bought.dateCreated.getTime())).toBe(false);

  const byArea = await client.incomingPhoneNumbers.create({ areaCode: "212" });
  expect(byArea.phoneNumber).toMatch(/^\+1212/);
  expect(byArea.phoneNumber).not.toBe(c0);
  for (const n of rest) if (n !== byArea.phoneNumber) await client.incomingPhoneNumbers.create({ phoneNumber: n });

  const all = await client.incomingPhoneNumbers.list({ pageSize: 2 });
  expect(all).toHaveLength(4);
  expect(new Set(all.map((n) => n.sid)).size).toBe(4);
  const seen: string[] = [];
  await client.incomingPhoneNumbers.each({ pageSize: 2 }, (n) => void seen.push(n.sid));
  expect(seen.sort()).toEqual(all.map((n) => n.sid).sort());
  const page = await client.incomingPhoneNumbers.page({ pageSize: 2 });
  expect(page.instances).toHaveLength(2);
  expect(page.nextPageUrl).toContain("/IncomingPhoneNumbers.json?");

  const filtered = await client.incomingPhoneNumbers.list({ phoneNumber: c0! });
  expect(filtered.map((n) => n.sid)).toEqual([bought.sid]);

  expect((await client.incomingPhoneNumbers(bought.sid).fetch()).phoneNumber).toBe(c0);
  const updated = await client.incomingPhoneNumbers(bought.sid).update({ smsUrl: "https://example.com/v2", smsMethod: "GET", friendlyName: "Renamed" });
  expect(updated).toMatchObject({ smsUrl: "https://example.com/v2", smsMethod: "GET", friendlyName: "Renamed" });
  expect((await client.incomingPhoneNumbers(bought.sid).fetch()).smsUrl).toBe("https://example.com/v2");

  expect(await client.incomingPhoneNumbers(bought.sid).remove()).toBe(true);
  await expect(client.incomingPhoneNumbers(bought.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  // Released numbers go back on sale.
  const again = await client.availablePhoneNumbers("US").local.list({ areaCode: 212, contains: c0!.slice(2) });
  expect(again.map((n) => n.phoneNumber)).toEqual([c0]);
});

test("2010 IncomingPhoneNumbers errors and another account's numbers", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const [pick] = await client.availablePhoneNumbers("US").local.list({ areaCode: 718, pageSize: 1 });
  const mine = await client.incomingPhoneNumbers.create({ phoneNumber: pick!.phoneNumber });

  await expect(client.incomingPhoneNumbers.create({ phoneNumber: pick!.phoneNumber })).rejects.toMatchObject({ status: 400, code: 21422 });
  await expect(client.incomingPhoneNumbers.create({ phoneNumber: "+1" })).rejects.toMatchObject({ status: 400, code: 21421 });
  await expect(client.incomingPhoneNumbers.create({ friendlyName: "nothing to buy" })).rejects.toMatchObject({ status: 400, code: 21421 });
  await expect(client.incomingPhoneNumbers.create({ areaCode: "2" })).rejects.toMatchObject({ status: 400, code: 21452 });
  await expect(client.incomingPhoneNumbers.create({ areaCode: "718", smsUrl: "ftp://nope" })).rejects.toMatchObject({ status: 400, code: 21502 });
  await expect(client.incomingPhoneNumbers(mine.sid).update({ smsMethod: "PUT" as "GET" })).rejects.toMatchObject({ status: 400 });
  await expect(client.incomingPhoneNumbers(sid("PN")).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  await expect(twilioClient(account.accountSid, "wrong").incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 401, code: 20003 });

  const other = await createTestAccount();
  const intruder = twilioClient(other.accountSid, other.authToken);
  await expect(intruder.incomingPhoneNumbers(mine.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  await expect(intruder.incomingPhoneNumbers(mine.sid).update({ smsUrl: "https://evil.example" })).rejects.toMatchObject({ status: 404 });
  await expect(intruder.incomingPhoneNumbers(mine.sid).remove()).rejects.toMatchObject({ status: 404 });
  expect(await intruder.incomingPhoneNumbers.list()).toHaveLength(0);
  await expect(twilioClient(other.accountSid, other.authToken, account.accountSid).incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 401 });
  expect((await client.incomingPhoneNumbers(mine.sid).fetch()).smsUrl).toBeNull();
});

test("2010 SMS/ShortCodes: list with paging, fetch, another account's short code", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const codes = [await insertShortCode(account.accountSid), await insertShortCode(account.accountSid), await insertShortCode(account.accountSid)];

  const all = await client.shortCodes.list({ pageSize: 2 });
  expect(all.map((s) => s.sid).sort()).toEqual(codes.map((c) => c.sid).sort());
  const seen: string[] = [];
  await client.shortCodes.each({ pageSize: 2 }, (s) => void seen.push(s.shortCode));
  expect(seen.sort()).toEqual(codes.map((c) => c.shortCode).sort());

  const fetched = await client.shortCodes(codes[0]!.sid).fetch();
  expect(fetched).toMatchObject({
    sid: codes[0]!.sid,
    accountSid: account.accountSid,
    shortCode: codes[0]!.shortCode,
    apiVersion: "2010-04-01",
    uri: `/2010-04-01/Accounts/${account.accountSid}/SMS/ShortCodes/${codes[0]!.sid}.json`,
  });
  expect(fetched.dateCreated).toBeInstanceOf(Date);
  await expect(client.shortCodes(sid("SC")).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });

  const other = await createTestAccount();
  const intruder = twilioClient(other.accountSid, other.authToken);
  await expect(intruder.shortCodes(codes[0]!.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  expect(await intruder.shortCodes.list()).toHaveLength(0);
});
