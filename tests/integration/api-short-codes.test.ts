import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { loadInboundContext } from "@/lib/server/services/inbound/load-inbound-context";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { makeAccount } from "./pipeline-fixtures";

let server: ApiServer;
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  server = await startApiServer();
});
afterAll(async () => server?.stop());

const code = () => String(10000 + Math.floor(Math.random() * 89999));

describe("2010 SMS/ShortCodes update", () => {
  it("sets FriendlyName, SmsUrl, SmsMethod, SmsFallbackUrl, SmsFallbackMethod; a partial update keeps the rest", async () => {
    const account = await makeAccount();
    const sc = await db.shortCode.create({ data: { sid: newSid("SC"), accountSid: account.sid, shortCode: code(), isoCountry: "US" } });
    const recorded: Recorded[] = [];
    const api = conformanceClient(server, account.sid, account.authToken, recorded).api.v2010.accounts(account.sid);
    expect((await api.shortCodes(sc.sid).fetch()).friendlyName).toBe(sc.shortCode);
    const updated = await api.shortCodes(sc.sid).update({
      friendlyName: "Promotions",
      smsUrl: "https://example.com/sms",
      smsMethod: "GET",
      smsFallbackUrl: "https://example.com/fallback",
      smsFallbackMethod: "GET",
    });
    expect(updated).toMatchObject({ friendlyName: "Promotions", smsUrl: "https://example.com/sms", smsMethod: "GET", smsFallbackUrl: "https://example.com/fallback", smsFallbackMethod: "GET" });
    const renamed = await api.shortCodes(sc.sid).update({ friendlyName: "Alerts" });
    expect(renamed).toMatchObject({ friendlyName: "Alerts", smsUrl: "https://example.com/sms", smsMethod: "GET" });
    await expect(api.shortCodes(sc.sid).update({ smsUrl: "ftp://nope" })).rejects.toMatchObject({ status: 400, code: 21502 });
    await expect(api.shortCodes(sc.sid).update({ smsMethod: "PUT" })).rejects.toMatchObject({ status: 400 });
    expect(nonConforming(recorded)).toEqual([]);

    // The short code's own webhook is what inbound uses when it is in no service.
    const inbound = await db.message.create({
      data: { sid: newSid("SM"), accountSid: account.sid, direction: "inbound", from: "+14155550100", to: sc.shortCode, body: "hi", status: "received", senderSid: sc.sid, validityPeriod: 14400 },
    });
    expect((await loadInboundContext(inbound.sid))?.senderWebhook).toEqual({ smsUrl: "https://example.com/sms", smsMethod: "GET" });
  });

  it("another account's short code is a 404 and stays unchanged", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    const sc = await db.shortCode.create({ data: { sid: newSid("SC"), accountSid: a.sid, shortCode: code(), isoCountry: "US" } });
    const asB = conformanceClient(server, b.sid, b.authToken, []).api.v2010.accounts(b.sid);
    await expect(asB.shortCodes(sc.sid).update({ friendlyName: "mine" })).rejects.toMatchObject({ status: 404, code: 20404 });
    expect((await db.shortCode.findUniqueOrThrow({ where: { sid: sc.sid } })).friendlyName).toBeNull();
  });
});
