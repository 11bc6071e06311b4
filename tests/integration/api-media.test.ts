import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { makeAccount, makeService } from "./pipeline-fixtures";

let server: ApiServer;
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  server = await startApiServer();
});
afterAll(async () => server?.stop());

const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}` });

describe("2010 Messages/{SM}/Media", () => {
  it("lists, fetches and deletes the media a message carried; the URI without .json redirects to the content", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const recorded: Recorded[] = [];
    const client = conformanceClient(server, account.sid, account.authToken, recorded);
    const urls = ["https://cdn.example.com/cat.jpg", "https://cdn.example.com/clip.mp4?sig=1", "https://cdn.example.com/blob"];
    const m = await client.messages.create({ to: "+14155550123", messagingServiceSid: service.sid, body: "mms", mediaUrl: urls });
    expect(m.numMedia).toBe("3");

    const list = await client.messages(m.sid).media.list();
    expect(list.map((x) => [x.contentType, x.parentSid])).toEqual([
      ["image/jpeg", m.sid],
      ["video/mp4", m.sid],
      ["application/octet-stream", m.sid],
    ]);
    // SIDs are stable: a second listing gives the same ones.
    expect((await client.messages(m.sid).media.list()).map((x) => x.sid)).toEqual(list.map((x) => x.sid));
    const [first, second] = list;
    expect((await client.messages(m.sid).media(String(first?.sid)).fetch()).uri).toBe(`/2010-04-01/Accounts/${account.sid}/Messages/${m.sid}/Media/${first?.sid}.json`);

    const content = await fetch(`${server.url}/2010-04-01/Accounts/${account.sid}/Messages/${m.sid}/Media/${first?.sid}`, { headers: basic(account.sid, account.authToken), redirect: "manual" });
    expect(content.status).toBe(302);
    expect(content.headers.get("location")).toBe(urls[0]);
    const anonymous = await fetch(`${server.url}/2010-04-01/Accounts/${account.sid}/Messages/${m.sid}/Media/${first?.sid}`, { redirect: "manual" });
    expect(anonymous.status).toBe(401);

    expect(await client.messages(m.sid).media(String(second?.sid)).remove()).toBe(true);
    await expect(client.messages(m.sid).media(String(second?.sid)).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    expect((await client.messages(m.sid).media.list()).map((x) => x.sid)).toEqual([first?.sid, list[2]?.sid]);
    // A message without media has an empty list (not a 404).
    const plain = await client.messages.create({ to: "+14155550123", messagingServiceSid: service.sid, body: "sms" });
    expect(await client.messages(plain.sid).media.list()).toEqual([]);
    expect(nonConforming(recorded)).toEqual([]);
  });

  it("another account's message media is a 404 in every form", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    const service = await makeService(a.sid);
    const asA = conformanceClient(server, a.sid, a.authToken, []);
    const m = await asA.messages.create({ to: "+14155550123", messagingServiceSid: service.sid, body: "mms", mediaUrl: ["https://cdn.example.com/a.png"] });
    const [media] = await asA.messages(m.sid).media.list();
    const asB = conformanceClient(server, b.sid, b.authToken, []);
    await expect(asB.messages(m.sid).media.list()).rejects.toMatchObject({ status: 404 });
    await expect(asB.messages(m.sid).media(String(media?.sid)).fetch()).rejects.toMatchObject({ status: 404 });
    await expect(asB.messages(m.sid).media(String(media?.sid)).remove()).rejects.toMatchObject({ status: 404 });
    const content = await fetch(`${server.url}/2010-04-01/Accounts/${b.sid}/Messages/${m.sid}/Media/${media?.sid}`, { headers: basic(b.sid, b.authToken), redirect: "manual" });
    expect(content.status).toBe(404);
    expect((await asA.messages(m.sid).media.list()).length).toBe(1);
  });
});
