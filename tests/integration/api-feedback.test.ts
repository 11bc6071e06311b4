import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { getMessageDetail } from "@/lib/server/services/message-logs/get-message-detail";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { makeAccount, makeService } from "./pipeline-fixtures";

let server: ApiServer;
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  server = await startApiServer();
});
afterAll(async () => server?.stop());

describe("2010 Messages/{SM}/Feedback", () => {
  it("records confirmed or unconfirmed, the latest report wins, and the message detail shows it", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const recorded: Recorded[] = [];
    const client = conformanceClient(server, account.sid, account.authToken, recorded);
    const m = await client.messages.create({ to: "+14155550123", messagingServiceSid: service.sid, body: "otp 1234" });
    expect((await getMessageDetail(account.sid, m.sid)).feedback).toBeNull();
    const first = await client.messages(m.sid).feedback.create({ outcome: "unconfirmed" });
    expect(first).toMatchObject({ accountSid: account.sid, messageSid: m.sid, outcome: "unconfirmed" });
    expect((await client.messages(m.sid).feedback.create({ outcome: "confirmed" })).outcome).toBe("confirmed");
    expect((await getMessageDetail(account.sid, m.sid)).feedback?.outcome).toBe("confirmed");
    // Outcome defaults to confirmed; anything else is refused.
    expect((await client.messages(m.sid).feedback.create()).outcome).toBe("confirmed");
    await expect(client.messages(m.sid).feedback.create({ outcome: "maybe" as "confirmed" })).rejects.toMatchObject({ status: 400 });
    expect(nonConforming(recorded)).toEqual([]);
  });

  it("another account's message is a 404 and gets no feedback", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    const service = await makeService(a.sid);
    const m = await conformanceClient(server, a.sid, a.authToken, []).messages.create({ to: "+14155550123", messagingServiceSid: service.sid, body: "x" });
    await expect(conformanceClient(server, b.sid, b.authToken, []).messages(m.sid).feedback.create({ outcome: "confirmed" })).rejects.toMatchObject({ status: 404, code: 20404 });
    expect((await getMessageDetail(a.sid, m.sid)).feedback).toBeNull();
  });
});
