import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { buyPhoneNumber } from "@/lib/server/services/phone-numbers/buy-phone-number";
import { getPhoneNumber, listPhoneNumbers } from "@/lib/server/services/phone-numbers/phone-number-queries";
import { releasePhoneNumber } from "@/lib/server/services/phone-numbers/release-phone-number";
import { searchAvailableNumbers } from "@/lib/server/services/phone-numbers/search-available-numbers";
import { updatePhoneNumber } from "@/lib/server/services/phone-numbers/update-phone-number";
import { buyPhoneNumberSchema, searchAvailableNumbersSchema } from "@/lib/server/services/phone-numbers/phone-number-schema";
import { createShortCode } from "@/lib/server/services/short-codes/create-short-code";
import { deleteShortCode } from "@/lib/server/services/short-codes/delete-short-code";
import { getShortCode, listShortCodes } from "@/lib/server/services/short-codes/short-code-queries";
import { createShortCodeSchema } from "@/lib/server/services/short-codes/short-code-schema";
import { addPhoneNumberToService } from "@/lib/server/services/sender-pool/add-phone-number-to-service";
import { accountWithService, expectCode, ownNumber } from "./pool-fixtures";

describe("simulated inventory search", () => {
  it("hides numbers anybody owns", async () => {
    const a = await accountWithService();
    const b = await accountWithService();
    // An area code no other test uses, so the first numbers are known.
    const q = searchAvailableNumbersSchema.parse({ country: "US", type: "local", areaCode: "907", limit: "3" });
    const before = await searchAvailableNumbers(a.accountSid, q);
    expect(before.map((n) => n.phoneNumber)).toEqual(["+19075550100", "+19075550101", "+19075550102"]);
    await buyPhoneNumber(b.accountSid, { phoneNumber: "+19075550100" });
    const after = await searchAvailableNumbers(a.accountSid, q);
    expect(after.map((n) => n.phoneNumber)).toEqual(["+19075550101", "+19075550102", "+19075550103"]);
  });

  it("validates the query", () => {
    expect(searchAvailableNumbersSchema.safeParse({ country: "ZZ", type: "local" }).success).toBe(false);
    expect(searchAvailableNumbersSchema.safeParse({ country: "us", type: "toll_free", areaCode: "" }).success).toBe(true);
  });
});

describe("buying numbers", () => {
  it("derives country, type and inventory capabilities", async () => {
    const { accountSid } = await accountWithService();
    const voiceOnly = await buyPhoneNumber(accountSid, { phoneNumber: "+19075550109" });
    expect(voiceOnly).toMatchObject({ isoCountry: "US", numberType: "local", smsEnabled: false, voiceEnabled: true, friendlyName: "(907) 555-0109" });
    const tf = await buyPhoneNumber(accountSid, { phoneNumber: "+18775550142" });
    expect(tf).toMatchObject({ numberType: "toll_free", smsEnabled: true });
    const gb = await buyPhoneNumber(accountSid, { phoneNumber: " +447400555123 ", friendlyName: "UK" });
    expect(gb).toMatchObject({ phoneNumber: "+447400555123", isoCountry: "GB", numberType: "mobile", friendlyName: "UK" });
    const ca = await buyPhoneNumber(accountSid, { areaCode: "613", country: "CA" });
    expect(ca).toMatchObject({ isoCountry: "CA", phoneNumber: expect.stringMatching(/^\+1613555/) });
  });

  it.each(["4155550100", "+1415", "+10005550100", "+999123456789"])("refuses %j (21421)", async (phoneNumber) => {
    const { accountSid } = await accountWithService();
    const e = await expectCode(buyPhoneNumber(accountSid, { phoneNumber }), 21421);
    expect(e.field).toBe("phoneNumber");
  });

  it("a number has one owner (21422), even under a race", async () => {
    const a = await accountWithService();
    const b = await accountWithService();
    const results = await Promise.allSettled([buyPhoneNumber(a.accountSid, { phoneNumber: "+19075550150" }), buyPhoneNumber(b.accountSid, { phoneNumber: "+19075550150" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expectCode(buyPhoneNumber(a.accountSid, { phoneNumber: "+19075550150" }), 21422);
  });

  it("schema: a number or an area code is required, URLs are checked", () => {
    expect(buyPhoneNumberSchema.safeParse({}).success).toBe(false);
    expect(buyPhoneNumberSchema.safeParse({ phoneNumber: "+14155550100", smsUrl: "nope" }).success).toBe(false);
    expect(buyPhoneNumberSchema.parse({ phoneNumber: "+14155550100", smsEnabled: "false" }).smsEnabled).toBe(false);
  });
});

describe("editing and releasing numbers", () => {
  it("updates the webhook, lists with the service, releases with sticky mappings", async () => {
    const { accountSid, service } = await accountWithService("Svc");
    const n = await ownNumber(accountSid);
    const updated = await updatePhoneNumber(accountSid, n.sid, { smsUrl: "https://example.com/in", smsMethod: "GET" });
    expect(updated).toMatchObject({ smsUrl: "https://example.com/in", smsMethod: "GET" });
    await updatePhoneNumber(accountSid, n.sid, { smsUrl: null });
    expect((await getPhoneNumber(accountSid, n.sid)).smsUrl).toBeNull();
    await addPhoneNumberToService(accountSid, service.sid, n.sid);
    const { items } = await listPhoneNumbers(accountSid);
    expect(items[0]?.service).toEqual({ sid: service.sid, friendlyName: "Svc" });
    await db.stickyMapping.create({ data: { serviceSid: service.sid, channel: "sms", recipient: "+15005550001", senderSid: n.sid } });
    await releasePhoneNumber(accountSid, n.sid);
    expect(await db.stickyMapping.count({ where: { senderSid: n.sid } })).toBe(0);
    expect((await listPhoneNumbers(accountSid)).total).toBe(0);
  });

  it("another account gets 20404 and changes nothing", async () => {
    const victim = await accountWithService();
    const n = await ownNumber(victim.accountSid);
    const sc = await createShortCode(victim.accountSid, { shortCode: String(10000 + Math.floor(Math.random() * 89999)), isoCountry: "US" });
    const { accountSid: I } = await accountWithService();
    await expectCode(getPhoneNumber(I, n.sid), 20404, 404);
    await expectCode(updatePhoneNumber(I, n.sid, { smsUrl: "https://evil.example/x" }), 20404, 404);
    await expectCode(releasePhoneNumber(I, n.sid), 20404, 404);
    await expectCode(getShortCode(I, sc.sid), 20404, 404);
    await expectCode(deleteShortCode(I, sc.sid), 20404, 404);
    expect((await listPhoneNumbers(I)).total).toBe(0);
    expect((await listShortCodes(I)).total).toBe(0);
    expect((await getPhoneNumber(victim.accountSid, n.sid)).smsUrl).toBeNull();
    expect((await getShortCode(victim.accountSid, sc.sid)).sid).toBe(sc.sid);
  });
});

describe("short codes", () => {
  it("creates, refuses a taken code in the same country (21422), allows another country, deletes", async () => {
    const a = await accountWithService();
    const b = await accountWithService();
    const code = String(100000 + Math.floor(Math.random() * 899999));
    const sc = await createShortCode(a.accountSid, createShortCodeSchema.parse({ shortCode: code, isoCountry: "us" }));
    expect(sc).toMatchObject({ isoCountry: "US", smsEnabled: true, mmsEnabled: false });
    await expectCode(createShortCode(b.accountSid, { shortCode: code, isoCountry: "US" }), 21422);
    await createShortCode(b.accountSid, { shortCode: code, isoCountry: "GB" });
    await deleteShortCode(a.accountSid, sc.sid);
    expect((await listShortCodes(a.accountSid)).total).toBe(0);
  });

  it.each([["1234"], ["1234567"], ["12a45"]])("schema refuses %j", (shortCode) => {
    expect(createShortCodeSchema.safeParse({ shortCode, isoCountry: "US" }).success).toBe(false);
  });
  it("schema refuses an unknown country", () => {
    expect(createShortCodeSchema.safeParse({ shortCode: "12345", isoCountry: "XX" }).success).toBe(false);
  });
});
