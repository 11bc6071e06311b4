import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { makeAccount, uniqueUsNumber } from "./pipeline-fixtures";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => server?.stop());

const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}` });

async function failedMessage(accountSid: string, to: string, errorCode: number, createdAt: Date) {
  await db.message.create({ data: { sid: newSid("SM"), accountSid, direction: "outbound-api", to, body: "x", status: "undelivered", errorCode, createdAt, validityPeriod: 14400 } });
}

describe("v1 Deactivations", () => {
  it("307 to the day's list: the account's US recipients failed with 30005 that day, once each", async () => {
    const account = await makeAccount();
    const other = await makeAccount();
    const [gone, alsoGone, fine, otherAccounts] = [uniqueUsNumber(), uniqueUsNumber(), uniqueUsNumber(), uniqueUsNumber()];
    const day = new Date(Date.UTC(2026, 10, 20, 12));
    await failedMessage(account.sid, gone, 30005, day);
    await failedMessage(account.sid, gone, 30005, new Date(day.getTime() + 3600_000));
    await failedMessage(account.sid, alsoGone, 30005, new Date(Date.UTC(2026, 10, 20, 23, 59)));
    await failedMessage(account.sid, fine, 30003, day);
    await failedMessage(account.sid, uniqueUsNumber(), 30005, new Date(Date.UTC(2026, 10, 21, 0, 0, 1)));
    await failedMessage(account.sid, "+447700900123", 30005, day);
    await failedMessage(other.sid, otherAccounts, 30005, day);

    const recorded: Recorded[] = [];
    const client = conformanceClient(server, account.sid, account.authToken, recorded);
    // twilio-node's Deactivations fetch resolves to the raw payload (its generator treats it as bodiless), hence redirect_to.
    const d = (await client.messaging.v1.deactivations().fetch({ date: new Date(Date.UTC(2026, 10, 20)) })) as unknown as { redirect_to: string };
    expect(d.redirect_to).toMatch(/\/v1\/Deactivations\/2026-11-20\.txt$/);
    expect(nonConforming(recorded)).toEqual([]);
    const path = new URL(d.redirect_to).pathname;
    const file = await fetch(server.url + path, { headers: basic(account.sid, account.authToken) });
    expect(file.headers.get("content-type")).toMatch(/^text\/plain/);
    expect((await file.text()).split("\n").filter(Boolean)).toEqual([gone, alsoGone].sort());
    expect((await fetch(server.url + path)).status).toBe(401);
    const asOther = await fetch(server.url + path, { headers: basic(other.sid, other.authToken) });
    expect((await asOther.text()).split("\n").filter(Boolean)).toEqual([otherAccounts]);
  });

  it("refuses a date that is not YYYY-MM-DD", async () => {
    const account = await makeAccount();
    const res = await fetch(`${server.url}/v1/Deactivations?Date=2026-02-30`, { headers: basic(account.sid, account.authToken) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 21620, status: 400 });
  });
});
