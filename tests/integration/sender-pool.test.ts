import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { addAlphaSender } from "@/lib/server/services/sender-pool/add-alpha-sender";
import { addChannelSender } from "@/lib/server/services/sender-pool/add-channel-sender";
import { addChannelSenderToService } from "@/lib/server/services/sender-pool/add-channel-sender-to-service";
import { addPhoneNumberToService } from "@/lib/server/services/sender-pool/add-phone-number-to-service";
import { addShortCodeToService } from "@/lib/server/services/sender-pool/add-short-code-to-service";
import { POOL_LIMIT } from "@/lib/server/services/sender-pool/pool-lock";
import {
  getPoolSender,
  listPool,
  listServiceAlphaSenders,
  listServiceChannelSenders,
  listServicePhoneNumbers,
  listServiceShortCodes,
  listStickyMappings,
} from "@/lib/server/services/sender-pool/pool-queries";
import { removeSenderFromService } from "@/lib/server/services/sender-pool/remove-sender-from-service";
import { createShortCode } from "@/lib/server/services/short-codes/create-short-code";
import { createService } from "@/lib/server/services/messaging-services/create-service";
import { accountWithService, expectCode, fillPool, ownNumber } from "./pool-fixtures";

const shortCode = () => String(10000 + Math.floor(Math.random() * 89999));

describe("phone numbers in a pool", () => {
  it("adds a number, refuses it again (21710) and in another service (21712, named)", async () => {
    const { accountSid, service } = await accountWithService("Alerts");
    const other = await createService(accountSid, { friendlyName: "Marketing" });
    const n = await ownNumber(accountSid);
    const added = await addPhoneNumberToService(accountSid, service.sid, n.sid);
    expect(added.serviceSid).toBe(service.sid);
    expect(added.addedToServiceAt).toBeInstanceOf(Date);
    await expectCode(addPhoneNumberToService(accountSid, service.sid, n.sid), 21710);
    const e = await expectCode(addPhoneNumberToService(accountSid, other.sid, n.sid), 21712);
    expect(e.message).toContain('"Alerts"');
    expect(e.message).toContain(service.sid);
    expect((await listPool(accountSid, other.sid)).total).toBe(0);
  });

  it("refuses a number without SMS/MMS (21715)", async () => {
    const { accountSid, service } = await accountWithService();
    const n = await ownNumber(accountSid, { sms: false });
    await expectCode(addPhoneNumberToService(accountSid, service.sid, n.sid), 21715);
  });

  it("refuses the 401st sender (21714), whatever its type", async () => {
    const { accountSid, service } = await accountWithService();
    await fillPool(accountSid, service.sid, POOL_LIMIT);
    const n = await ownNumber(accountSid);
    const sc = await createShortCode(accountSid, { shortCode: shortCode(), isoCountry: "US" });
    await expectCode(addPhoneNumberToService(accountSid, service.sid, n.sid), 21714);
    await expectCode(addShortCodeToService(accountSid, service.sid, sc.sid), 21714);
    await expectCode(addAlphaSender(accountSid, service.sid, { alphaSender: "Brand" }), 21714);
    await expectCode(addChannelSender(accountSid, service.sid, { sender: "rcs:full_agent_" + n.sid.slice(2, 10), countries: [] }), 21714);
    // Nothing half-written: the RCS sender was not created either
    expect(await db.channelSender.count({ where: { accountSid } })).toBe(0);
    expect((await listPool(accountSid, service.sid)).total).toBe(POOL_LIMIT);
  });

  it("concurrent adds never exceed the limit", async () => {
    const { accountSid, service } = await accountWithService();
    await fillPool(accountSid, service.sid, POOL_LIMIT - 2);
    const numbers = await Promise.all(Array.from({ length: 6 }, () => ownNumber(accountSid)));
    const results = await Promise.allSettled(numbers.map((n) => addPhoneNumberToService(accountSid, service.sid, n.sid)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: number }).code).toBe(21714);
    expect((await listPool(accountSid, service.sid)).total).toBe(POOL_LIMIT);
  });

  it("concurrent adds of one number to two services: one wins, the other gets 21712", async () => {
    const { accountSid, service } = await accountWithService("A");
    const b = await createService(accountSid, { friendlyName: "B" });
    const n = await ownNumber(accountSid);
    const results = await Promise.allSettled([addPhoneNumberToService(accountSid, service.sid, n.sid), addPhoneNumberToService(accountSid, b.sid, n.sid)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as { code: number }).code).toBe(21712);
  });
});

describe("short codes in a pool", () => {
  it("adds, refuses duplicates, another service and no-SMS", async () => {
    const { accountSid, service } = await accountWithService("SC");
    const other = await createService(accountSid, { friendlyName: "Other" });
    const sc = await createShortCode(accountSid, { shortCode: shortCode(), isoCountry: "US" });
    await addShortCodeToService(accountSid, service.sid, sc.sid);
    await expectCode(addShortCodeToService(accountSid, service.sid, sc.sid), 21710);
    await expectCode(addShortCodeToService(accountSid, other.sid, sc.sid), 21712);
    const mute = await createShortCode(accountSid, { shortCode: shortCode(), isoCountry: "GB", smsEnabled: false, mmsEnabled: false });
    await expectCode(addShortCodeToService(accountSid, service.sid, mute.sid), 21715);
    expect((await listServiceShortCodes(accountSid, service.sid)).total).toBe(1);
  });
});

describe("alpha senders", () => {
  it.each([
    ["12345", 21709],
    ["TwelveChars1", 21709],
    ["Bad!", 21709],
    ["", 21709],
    ["-&-", 21709],
  ])("refuses %j with %i", async (alphaSender, code) => {
    const { accountSid, service } = await accountWithService();
    const e = await expectCode(addAlphaSender(accountSid, service.sid, { alphaSender }), code);
    expect(e.field).toBe("alphaSender");
  });

  it("refuses an invalid destination country", async () => {
    const { accountSid, service } = await accountWithService();
    const e = await expectCode(addAlphaSender(accountSid, service.sid, { alphaSender: "Brand", isoCountryCode: "XX" }), 21709);
    expect(e.field).toBe("isoCountryCode");
  });

  it("one service-wide default and one per country (21710 for a second)", async () => {
    const { accountSid, service } = await accountWithService();
    const wide = await addAlphaSender(accountSid, service.sid, { alphaSender: " Brand " });
    expect(wide).toMatchObject({ alphaSender: "Brand", isoCountryCode: "" });
    await expectCode(addAlphaSender(accountSid, service.sid, { alphaSender: "Other" }), 21710);
    const fr = await addAlphaSender(accountSid, service.sid, { alphaSender: "BrandFR", isoCountryCode: "fr" });
    expect(fr.isoCountryCode).toBe("FR");
    await expectCode(addAlphaSender(accountSid, service.sid, { alphaSender: "Again", isoCountryCode: "FR" }), 21710);
    // Unsupported country (AR): warned by the caller, not refused
    await addAlphaSender(accountSid, service.sid, { alphaSender: "BrandAR", isoCountryCode: "AR" });
    expect((await listServiceAlphaSenders(accountSid, service.sid)).total).toBe(3);
    expect((await listServiceAlphaSenders(accountSid, service.sid, { isoCountryCode: "" })).items.map((a) => a.alphaSender)).toEqual(["Brand"]);
  });
});

describe("channel senders", () => {
  it("adds WhatsApp (country derived) and RCS (countries), refuses duplicates", async () => {
    const { accountSid, service } = await accountWithService();
    const other = await createService(accountSid, { friendlyName: "Other WA" });
    const wa = await addChannelSender(accountSid, service.sid, { sender: `whatsapp:${(await ownNumber(accountSid)).phoneNumber}`, countries: [] });
    expect(wa).toMatchObject({ senderType: "WhatsApp", countryCode: "US", serviceSid: service.sid });
    const agent = `rcs:agent_${service.sid.slice(2, 12)}`;
    const rcs = await addChannelSender(accountSid, service.sid, { sender: agent, countries: ["US", "GB", "US"] });
    expect(rcs).toMatchObject({ senderType: "RCS", countries: ["US", "GB"] });
    await expectCode(addChannelSender(accountSid, service.sid, { sender: agent, countries: [] }), 21710);
    const e = await expectCode(addChannelSender(accountSid, other.sid, { sender: wa.sender, countries: [] }), 21712);
    expect(e.message).toContain(service.sid);
    await expectCode(addChannelSender(accountSid, service.sid, { sender: "whatsapp:+1", countries: [] }), 21212);
    // Another account cannot take the address
    const stranger = await accountWithService();
    await expectCode(addChannelSender(stranger.accountSid, stranger.service.sid, { sender: agent, countries: [] }), 21422);
    // Removed then re-added by address or by SID
    await removeSenderFromService(accountSid, service.sid, rcs.sid);
    await addChannelSenderToService(accountSid, other.sid, rcs.sid);
    expect((await listServiceChannelSenders(accountSid, other.sid)).items.map((c) => c.sid)).toEqual([rcs.sid]);
  });
});

describe("removing senders", () => {
  it("deletes the sender's sticky mappings in the same transaction and keeps others", async () => {
    const { accountSid, service } = await accountWithService();
    const a = await ownNumber(accountSid);
    const b = await ownNumber(accountSid);
    await addPhoneNumberToService(accountSid, service.sid, a.sid);
    await addPhoneNumberToService(accountSid, service.sid, b.sid);
    const alpha = await addAlphaSender(accountSid, service.sid, { alphaSender: "Brand" });
    await db.stickyMapping.createMany({
      data: [
        { serviceSid: service.sid, channel: "sms", recipient: "+15005550001", senderSid: a.sid },
        { serviceSid: service.sid, channel: "sms", recipient: "+15005550002", senderSid: a.sid },
        { serviceSid: service.sid, channel: "sms", recipient: "+15005550003", senderSid: b.sid },
        { serviceSid: service.sid, channel: "sms", recipient: "+447400123456", senderSid: alpha.sid },
      ],
    });
    expect((await listStickyMappings(accountSid, service.sid)).total).toBe(4);
    await removeSenderFromService(accountSid, service.sid, a.sid);
    await removeSenderFromService(accountSid, service.sid, alpha.sid);
    const left = await listStickyMappings(accountSid, service.sid);
    expect(left.items.map((m) => m.senderSid)).toEqual([b.sid]);
    // The number is back in the inventory, the alpha sender is gone
    expect(await db.phoneNumber.findUnique({ where: { sid: a.sid } })).toMatchObject({ serviceSid: null, addedToServiceAt: null });
    expect(await db.alphaSender.findUnique({ where: { sid: alpha.sid } })).toBeNull();
    await expectCode(removeSenderFromService(accountSid, service.sid, a.sid), 20404, 404);
  });
});

describe("another account", () => {
  it("gets 20404 from every pool function, and nothing changes", async () => {
    const victim = await accountWithService("Victim");
    const n = await ownNumber(victim.accountSid);
    const sc = await createShortCode(victim.accountSid, { shortCode: shortCode(), isoCountry: "US" });
    await addPhoneNumberToService(victim.accountSid, victim.service.sid, n.sid);
    const alpha = await addAlphaSender(victim.accountSid, victim.service.sid, { alphaSender: "Victim" });
    const wa = await addChannelSender(victim.accountSid, victim.service.sid, { sender: `whatsapp:${(await ownNumber(victim.accountSid)).phoneNumber}`, countries: [] });

    const intruder = await accountWithService("Intruder");
    const mine = await ownNumber(intruder.accountSid);
    const I = intruder.accountSid;
    const V = victim.service.sid;
    const attempts: [string, () => Promise<unknown>][] = [
      ["add own number to victim service", () => addPhoneNumberToService(I, V, mine.sid)],
      ["add victim number to own service", () => addPhoneNumberToService(I, intruder.service.sid, n.sid)],
      ["add victim short code", () => addShortCodeToService(I, intruder.service.sid, sc.sid)],
      ["add short code to victim service", () => addShortCodeToService(I, V, sc.sid)],
      ["alpha on victim service", () => addAlphaSender(I, V, { alphaSender: "Hacked" })],
      ["channel on victim service", () => addChannelSender(I, V, { sender: "rcs:intruder_agent", countries: [] })],
      ["victim channel sender by sid", () => addChannelSenderToService(I, intruder.service.sid, wa.sid)],
      ["remove victim number", () => removeSenderFromService(I, V, n.sid)],
      ["remove victim alpha", () => removeSenderFromService(I, V, alpha.sid)],
      ["remove victim number via own service", () => removeSenderFromService(I, intruder.service.sid, n.sid)],
      ["list pool", () => listPool(I, V)],
      ["list numbers", () => listServicePhoneNumbers(I, V)],
      ["list short codes", () => listServiceShortCodes(I, V)],
      ["list alphas", () => listServiceAlphaSenders(I, V)],
      ["list channels", () => listServiceChannelSenders(I, V)],
      ["list sticky", () => listStickyMappings(I, V)],
      ["get sender", () => getPoolSender(I, V, n.sid)],
    ];
    for (const [label, attempt] of attempts) {
      const e = await attempt().then(
        () => null,
        (err: unknown) => err as { code?: number; status?: number },
      );
      expect(e?.code, label).toBe(20404);
      expect(e?.status, label).toBe(404);
    }
    const pool = await listPool(victim.accountSid, V);
    expect(pool.total).toBe(3);
    expect(pool.alphaSenders[0]?.alphaSender).toBe("Victim");
    expect((await getPoolSender(victim.accountSid, V, n.sid)).kind).toBe("phone_number");
  });
});
