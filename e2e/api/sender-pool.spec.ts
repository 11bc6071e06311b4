import { randomBytes, randomInt } from "node:crypto";
import { test, expect } from "../fixtures/test";
import { createTestAccount, e2eDb, type TestAccount } from "../fixtures/db";
import { twilioClient } from "../fixtures/twilio-client";

// Each test buys from its own area code: the inventory is shared by every account, and tests run in parallel.

type Client = ReturnType<typeof twilioClient>;
const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");
const clientOf = (a: TestAccount) => twilioClient(a.accountSid, a.authToken);

/** Numbers bought through the 2010 API, as a customer would. */
async function buy(client: Client, areaCode: number, count: number, filters: { smsEnabled?: boolean; voiceEnabled?: boolean } = { smsEnabled: true }) {
  const found = await client.availablePhoneNumbers("US").local.list({ areaCode, pageSize: count, ...filters });
  expect(found).toHaveLength(count);
  return Promise.all(found.map((n) => client.incomingPhoneNumbers.create({ phoneNumber: n.phoneNumber })));
}

/** Short codes and WhatsApp/RCS senders have no create call on Twilio's API: the fixture inserts them. */
async function insertShortCode(accountSid: string, opts: { sms?: boolean; mms?: boolean } = {}) {
  const row = { sid: sid("SC"), shortCode: String(randomInt(100000, 999999)) };
  await e2eDb().query(
    `INSERT INTO short_codes (sid, account_sid, short_code, iso_country, sms_enabled, mms_enabled, updated_at) VALUES ($1, $2, $3, 'US', $4, $5, now())`,
    [row.sid, accountSid, row.shortCode, opts.sms ?? true, opts.mms ?? false],
  );
  return row;
}

async function insertChannelSender(accountSid: string, kind: "whatsapp" | "rcs") {
  const row = kind === "whatsapp"
    ? { sid: sid("XE"), sender: `whatsapp:+1999${randomInt(1000000, 9999999)}`, senderType: "WhatsApp", countryCode: "US" }
    : { sid: sid("XE"), sender: `rcs:agent_${randomBytes(4).toString("hex")}`, senderType: "RCS", countryCode: "" };
  await e2eDb().query(
    `INSERT INTO channel_senders (sid, account_sid, sender, sender_type, country_code, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
    [row.sid, accountSid, row.sender, row.senderType, row.countryCode],
  );
  return row;
}

/** Fills a pool to Twilio's 400-sender limit straight in SQL (400 API calls would only slow the test down). */
async function fillPool(accountSid: string, serviceSid: string, count: number) {
  const prefix = String(randomInt(10000, 99999));
  await e2eDb().query(
    `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, iso_country, number_type, service_sid, added_to_service_at, updated_at)
     SELECT 'PN' || md5(random()::text), $1, '+1' || $3 || lpad(g::text, 5, '0'), 'filler', 'US', 'local', $2, now(), now()
     FROM generate_series(1, $4::int) g`,
    [accountSid, serviceSid, prefix, count],
  );
}

test("v1 Service PhoneNumbers: add, list with paging, fetch, remove; 21710, 21711, 21712, 21715, 21421, 21714, 20404", async ({ account }) => {
  const client = clientOf(account);
  const svc = await client.messaging.v1.services.create({ friendlyName: "Pool PN" });
  const other = await client.messaging.v1.services.create({ friendlyName: "Other pool" });
  const numbers = await buy(client, 213, 3);
  const pool = client.messaging.v1.services(svc.sid).phoneNumbers;

  const added = await pool.create({ phoneNumberSid: numbers[0]!.sid });
  expect(added).toMatchObject({
    sid: numbers[0]!.sid,
    accountSid: account.accountSid,
    serviceSid: svc.sid,
    phoneNumber: numbers[0]!.phoneNumber,
    countryCode: "US",
    url: `${svc.url}/PhoneNumbers/${numbers[0]!.sid}`,
  });
  expect(added.capabilities).toContain("SMS");
  expect(added.capabilities).toContain("Voice");
  expect(added.dateCreated).toBeInstanceOf(Date);
  for (const n of numbers.slice(1)) await pool.create({ phoneNumberSid: n.sid });

  const listed = await pool.list({ pageSize: 2 });
  expect(listed.map((p) => p.sid).sort()).toEqual(numbers.map((n) => n.sid).sort());
  const page = await pool.page({ pageSize: 2 });
  expect(page.instances).toHaveLength(2);
  expect(page.nextPageUrl).toContain(`/v1/Services/${svc.sid}/PhoneNumbers?`);
  expect((await pool(numbers[1]!.sid).fetch()).phoneNumber).toBe(numbers[1]!.phoneNumber);

  await expect(pool.create({ phoneNumberSid: numbers[0]!.sid })).rejects.toMatchObject({ status: 400, code: 21710 });
  await expect(client.messaging.v1.services(other.sid).phoneNumbers.create({ phoneNumberSid: numbers[0]!.sid })).rejects.toMatchObject({ status: 400, code: 21712 });
  const [voiceOnly] = await buy(client, 213, 1, { voiceEnabled: true, smsEnabled: false });
  await expect(pool.create({ phoneNumberSid: voiceOnly!.sid })).rejects.toMatchObject({ status: 400, code: 21715 });
  await expect(pool.create({ phoneNumberSid: "PN123" })).rejects.toMatchObject({ status: 400, code: 21421 });
  await expect(pool.create({ phoneNumberSid: sid("PN") })).rejects.toMatchObject({ status: 404, code: 20404 });
  // A short code's SID under /PhoneNumbers is not a phone number of this pool.
  await expect(pool(sid("SC")).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });

  expect(await pool(numbers[0]!.sid).remove()).toBe(true);
  await expect(pool(numbers[0]!.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  await expect(pool(numbers[0]!.sid).remove()).rejects.toMatchObject({ status: 400, code: 21711 });
  await expect(pool(sid("PN")).remove()).rejects.toMatchObject({ status: 404, code: 20404 });
  expect(await pool.list()).toHaveLength(2);

  await fillPool(account.accountSid, other.sid, 400);
  await expect(client.messaging.v1.services(other.sid).phoneNumbers.create({ phoneNumberSid: numbers[0]!.sid })).rejects.toMatchObject({ status: 400, code: 21714 });
});

test("v1 Service ShortCodes: add, list with paging, fetch, remove; 21710, 21711, 21712, 21715, 21421", async ({ account }) => {
  const client = clientOf(account);
  const svc = await client.messaging.v1.services.create({ friendlyName: "Pool SC" });
  const other = await client.messaging.v1.services.create({ friendlyName: "Other SC pool" });
  const codes = [await insertShortCode(account.accountSid, { mms: true }), await insertShortCode(account.accountSid), await insertShortCode(account.accountSid)];
  const pool = client.messaging.v1.services(svc.sid).shortCodes;

  const added = await pool.create({ shortCodeSid: codes[0]!.sid });
  expect(added).toMatchObject({ sid: codes[0]!.sid, serviceSid: svc.sid, accountSid: account.accountSid, shortCode: codes[0]!.shortCode, countryCode: "US", capabilities: ["SMS", "MMS"] });
  expect(added.url).toBe(`${svc.url}/ShortCodes/${codes[0]!.sid}`);
  for (const c of codes.slice(1)) await pool.create({ shortCodeSid: c.sid });

  expect((await pool.list({ pageSize: 2 })).map((s) => s.sid).sort()).toEqual(codes.map((c) => c.sid).sort());
  expect((await pool(codes[2]!.sid).fetch()).capabilities).toEqual(["SMS"]);

  await expect(pool.create({ shortCodeSid: codes[0]!.sid })).rejects.toMatchObject({ status: 400, code: 21710 });
  await expect(client.messaging.v1.services(other.sid).shortCodes.create({ shortCodeSid: codes[0]!.sid })).rejects.toMatchObject({ status: 400, code: 21712 });
  const mute = await insertShortCode(account.accountSid, { sms: false, mms: false });
  await expect(pool.create({ shortCodeSid: mute.sid })).rejects.toMatchObject({ status: 400, code: 21715 });
  await expect(pool.create({ shortCodeSid: "SCnope" })).rejects.toMatchObject({ status: 400, code: 21421 });

  expect(await pool(codes[0]!.sid).remove()).toBe(true);
  await expect(pool(codes[0]!.sid).remove()).rejects.toMatchObject({ status: 400, code: 21711 });
  expect(await pool.list()).toHaveLength(2);
});

test("v1 Service AlphaSenders and DestinationAlphaSenders: default vs per-country, filter, paging; 21709, 21710", async ({ account }) => {
  const client = clientOf(account);
  const svc = await client.messaging.v1.services.create({ friendlyName: "Pool AI" });
  const alpha = client.messaging.v1.services(svc.sid).alphaSenders;
  const dest = client.messaging.v1.services(svc.sid).destinationAlphaSenders;

  const def = await alpha.create({ alphaSender: "Switchyard" });
  expect(def.sid).toMatch(/^AI[0-9a-f]{32}$/);
  expect(def).toMatchObject({ accountSid: account.accountSid, serviceSid: svc.sid, alphaSender: "Switchyard", capabilities: ["SMS"], url: `${svc.url}/AlphaSenders/${def.sid}` });
  await expect(alpha.create({ alphaSender: "Another" })).rejects.toMatchObject({ status: 400, code: 21710 });
  await expect(alpha.create({ alphaSender: "12345" })).rejects.toMatchObject({ status: 400, code: 21709 });
  await expect(alpha.create({ alphaSender: "TwelveChars1" })).rejects.toMatchObject({ status: 400, code: 21709 });

  const fr = await dest.create({ alphaSender: "SwitchFR", isoCountryCode: "FR" });
  expect(fr).toMatchObject({ isoCountryCode: "FR", alphaSender: "SwitchFR", url: `${svc.url}/DestinationAlphaSenders/${fr.sid}` });
  const de = await dest.create({ alphaSender: "SwitchDE", isoCountryCode: "de" });
  expect(de.isoCountryCode).toBe("DE");
  await expect(dest.create({ alphaSender: "Again", isoCountryCode: "FR" })).rejects.toMatchObject({ status: 400, code: 21710 });
  await expect(dest.create({ alphaSender: "Nowhere", isoCountryCode: "ZZ" })).rejects.toMatchObject({ status: 400, code: 21709 });

  const everything = await dest.list({ pageSize: 1 });
  expect(everything.map((a) => a.sid).sort()).toEqual([def.sid, fr.sid, de.sid].sort());
  expect(everything.find((a) => a.sid === def.sid)?.isoCountryCode).toBe("");
  expect((await dest.list({ isoCountryCode: "FR" })).map((a) => a.sid)).toEqual([fr.sid]);
  expect((await alpha.list()).map((a) => a.sid)).toEqual([def.sid]);
  expect((await dest(fr.sid).fetch()).alphaSender).toBe("SwitchFR");
  expect((await alpha(def.sid).fetch()).alphaSender).toBe("Switchyard");
  // A per-country sender is not the service-wide default.
  await expect(alpha(fr.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  await expect(alpha(fr.sid).remove()).rejects.toMatchObject({ status: 404 });

  expect(await dest(fr.sid).remove()).toBe(true);
  expect(await alpha(def.sid).remove()).toBe(true);
  await expect(alpha(def.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  expect((await dest.list()).map((a) => a.sid)).toEqual([de.sid]);
  // Without IsoCountryCode, DestinationAlphaSenders sets the default.
  expect((await dest.create({ alphaSender: "NewDefault" })).isoCountryCode).toBe("");
});

test("v1 Service ChannelSenders: add by XE Sid, list (meta key senders), fetch, remove; 21710, 21711, 21712", async ({ account }) => {
  const client = clientOf(account);
  const svc = await client.messaging.v1.services.create({ friendlyName: "Pool XE" });
  const other = await client.messaging.v1.services.create({ friendlyName: "Other XE pool" });
  const senders = [await insertChannelSender(account.accountSid, "whatsapp"), await insertChannelSender(account.accountSid, "rcs"), await insertChannelSender(account.accountSid, "whatsapp")];
  const pool = client.messaging.v1.services(svc.sid).channelSenders;

  const added = await pool.create({ sid: senders[0]!.sid });
  expect(added).toMatchObject({
    sid: senders[0]!.sid,
    accountSid: account.accountSid,
    messagingServiceSid: svc.sid,
    sender: senders[0]!.sender,
    senderType: "WhatsApp",
    countryCode: "US",
    url: `${svc.url}/ChannelSenders/${senders[0]!.sid}`,
  });
  for (const s of senders.slice(1)) await pool.create({ sid: s.sid });

  const page = await pool.page({ pageSize: 2 });
  expect(page.instances).toHaveLength(2);
  expect(page.nextPageUrl).toContain(`/v1/Services/${svc.sid}/ChannelSenders?`);
  expect((await pool.list({ pageSize: 2 })).map((s) => s.sid).sort()).toEqual(senders.map((s) => s.sid).sort());
  expect((await pool(senders[1]!.sid).fetch()).senderType).toBe("RCS");

  await expect(pool.create({ sid: senders[0]!.sid })).rejects.toMatchObject({ status: 400, code: 21710 });
  await expect(client.messaging.v1.services(other.sid).channelSenders.create({ sid: senders[0]!.sid })).rejects.toMatchObject({ status: 400, code: 21712 });
  await expect(pool.create({ sid: "XE1" })).rejects.toMatchObject({ status: 400 });
  await expect(pool.create({ sid: sid("XE") })).rejects.toMatchObject({ status: 404, code: 20404 });

  expect(await pool(senders[0]!.sid).remove()).toBe(true);
  await expect(pool(senders[0]!.sid).remove()).rejects.toMatchObject({ status: 400, code: 21711 });
  // Removed, not deleted: the sender can join another pool.
  expect((await client.messaging.v1.services(other.sid).channelSenders.create({ sid: senders[0]!.sid })).messagingServiceSid).toBe(other.sid);
});

test("v1 Service sub-resources as another account: every list, add, fetch and remove is 404; bad credentials 401", async ({ account }) => {
  const client = clientOf(account);
  const svc = await client.messaging.v1.services.create({ friendlyName: "Private pool" });
  const [number] = await buy(client, 310, 1);
  const code = await insertShortCode(account.accountSid);
  const xe = await insertChannelSender(account.accountSid, "whatsapp");
  const mine = client.messaging.v1.services(svc.sid);
  await mine.phoneNumbers.create({ phoneNumberSid: number!.sid });
  await mine.shortCodes.create({ shortCodeSid: code.sid });
  const ai = await mine.alphaSenders.create({ alphaSender: "Private" });
  await mine.channelSenders.create({ sid: xe.sid });

  const otherAccount = await createTestAccount();
  const intruder = clientOf(otherAccount);
  const theirs = intruder.messaging.v1.services(svc.sid);
  const notFound = { status: 404, code: 20404 };
  await expect(theirs.phoneNumbers.list()).rejects.toMatchObject(notFound);
  await expect(theirs.phoneNumbers(number!.sid).fetch()).rejects.toMatchObject(notFound);
  await expect(theirs.phoneNumbers(number!.sid).remove()).rejects.toMatchObject(notFound);
  await expect(theirs.shortCodes.list()).rejects.toMatchObject(notFound);
  await expect(theirs.shortCodes(code.sid).fetch()).rejects.toMatchObject(notFound);
  await expect(theirs.shortCodes(code.sid).remove()).rejects.toMatchObject(notFound);
  await expect(theirs.alphaSenders.list()).rejects.toMatchObject(notFound);
  await expect(theirs.alphaSenders.create({ alphaSender: "Hijack" })).rejects.toMatchObject(notFound);
  await expect(theirs.alphaSenders(ai.sid).fetch()).rejects.toMatchObject(notFound);
  await expect(theirs.destinationAlphaSenders.list()).rejects.toMatchObject(notFound);
  await expect(theirs.destinationAlphaSenders(ai.sid).remove()).rejects.toMatchObject(notFound);
  await expect(theirs.channelSenders.list()).rejects.toMatchObject(notFound);
  await expect(theirs.channelSenders(xe.sid).fetch()).rejects.toMatchObject(notFound);
  await expect(theirs.channelSenders(xe.sid).remove()).rejects.toMatchObject(notFound);

  // Their own service cannot take my senders either.
  const own = intruder.messaging.v1.services(((await intruder.messaging.v1.services.create({ friendlyName: "Theirs" })).sid));
  await expect(own.phoneNumbers.create({ phoneNumberSid: number!.sid })).rejects.toMatchObject(notFound);
  await expect(own.shortCodes.create({ shortCodeSid: code.sid })).rejects.toMatchObject(notFound);
  await expect(own.channelSenders.create({ sid: xe.sid })).rejects.toMatchObject(notFound);
  await expect(own.phoneNumbers(number!.sid).remove()).rejects.toMatchObject(notFound);

  await expect(twilioClient(account.accountSid, "wrong").messaging.v1.services(svc.sid).phoneNumbers.list()).rejects.toMatchObject({ status: 401, code: 20003 });
  // Nothing moved.
  expect(await mine.phoneNumbers.list()).toHaveLength(1);
  expect(await mine.shortCodes.list()).toHaveLength(1);
  expect(await mine.alphaSenders.list()).toHaveLength(1);
  expect(await mine.channelSenders.list()).toHaveLength(1);
});
