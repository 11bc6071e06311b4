import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { makeAccount } from "./pipeline-fixtures";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => server?.stop());

describe("2010 Keys", () => {
  it("create, list, fetch, update and delete with the twilio client; the key works until deleted", async () => {
    const account = await makeAccount();
    const recorded: Recorded[] = [];
    const client = conformanceClient(server, account.sid, account.authToken, recorded);
    const created = await client.newKeys.create({ friendlyName: "ci deploys" });
    expect(created.sid).toMatch(/^SK[0-9a-f]{32}$/);
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
    const unnamed = await client.newKeys.create();
    expect(unnamed.friendlyName).toBeNull();
    expect((await client.keys.list()).map((k) => k.sid).sort()).toEqual([created.sid, unnamed.sid].sort());
    expect((await client.keys(created.sid).fetch()).friendlyName).toBe("ci deploys");
    expect((await client.keys(created.sid).update({ friendlyName: "renamed" })).friendlyName).toBe("renamed");
    // The console lists the same keys (one table).
    expect((await db.apiKey.findUniqueOrThrow({ where: { sid: created.sid } })).friendlyName).toBe("renamed");

    // The new key authenticates the API, but cannot manage keys.
    const asKey = conformanceClient(server, created.sid, String(created.secret), recorded, account.sid);
    expect(await asKey.api.v2010.accounts(account.sid).incomingPhoneNumbers.list()).toEqual([]);
    await expect(asKey.api.v2010.accounts(account.sid).keys.list()).rejects.toMatchObject({ status: 403, code: 20403 });

    expect(await client.keys(created.sid).remove()).toBe(true);
    await expect(client.keys(created.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(asKey.api.v2010.accounts(account.sid).incomingPhoneNumbers.list()).rejects.toMatchObject({ status: 401, code: 20003 });
    expect(nonConforming(recorded)).toEqual([]);
  });

  it("another account's key is a 404, and its path is refused", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    const recorded: Recorded[] = [];
    const key = await conformanceClient(server, a.sid, a.authToken, recorded).newKeys.create({ friendlyName: "a's" });
    const asB = conformanceClient(server, b.sid, b.authToken, recorded);
    await expect(asB.keys(key.sid).fetch()).rejects.toMatchObject({ status: 404 });
    await expect(asB.keys(key.sid).update({ friendlyName: "stolen" })).rejects.toMatchObject({ status: 404 });
    await expect(asB.keys(key.sid).remove()).rejects.toMatchObject({ status: 404 });
    await expect(asB.api.v2010.accounts(a.sid).keys.list()).rejects.toMatchObject({ status: 401 });
    expect(await asB.keys.list()).toEqual([]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { sid: key.sid } })).friendlyName).toBe("a's");
  });
});
