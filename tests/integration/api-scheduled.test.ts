import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { addLongCode, finalMessage, makeAccount, makeService } from "./pipeline-fixtures";

let server: ApiServer;
let workers: PipelineWorkers;
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  server = await startApiServer();
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 4 });
});
afterAll(async () => {
  await workers?.stop();
  await server?.stop();
});

const inMs = (ms: number) => new Date(Date.now() + ms);

describe("scheduled messages against the description", () => {
  it("SendAt window and codes 35111, 35115, 35118; cancel with Status=canceled", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid);
    const recorded: Recorded[] = [];
    const client = conformanceClient(server, account.sid, account.authToken, recorded);
    const base = { to: "+14155550123", messagingServiceSid: service.sid, body: "later", scheduleType: "fixed" as const };

    const m = await client.messages.create({ ...base, sendAt: inMs(3600_000) });
    expect(m.status).toBe("scheduled");
    await expect(client.messages.create({ to: base.to, messagingServiceSid: service.sid, body: "x", scheduleType: "fixed" })).rejects.toMatchObject({ code: 35111, status: 400 });
    await expect(client.messages.create({ ...base, sendAt: inMs(60_000) })).rejects.toMatchObject({ code: 35115 });
    await expect(client.messages.create({ ...base, sendAt: inMs(36 * 86_400_000) })).rejects.toMatchObject({ code: 35115 });
    const from = await addLongCode(account.sid, null);
    await expect(client.messages.create({ to: base.to, from: from.phoneNumber, body: "x", scheduleType: "fixed", sendAt: inMs(3600_000) })).rejects.toMatchObject({ code: 35118 });

    const canceled = await client.messages(m.sid).update({ status: "canceled" });
    expect(canceled.status).toBe("canceled");
    // Only a scheduled message can be canceled.
    await expect(client.messages(m.sid).update({ status: "canceled" })).rejects.toMatchObject({ status: 400 });
    expect(nonConforming(recorded)).toEqual([]);
  });

  it("a scheduled message is routed from its service's pool as it is when it is sent", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const before = await addLongCode(account.sid, service.sid);
    const client = conformanceClient(server, account.sid, account.authToken, []);
    const m = await client.messages.create({ to: "+14155550124", messagingServiceSid: service.sid, body: "later", scheduleType: "fixed", sendAt: inMs(3600_000) });
    // The pool changes while the message waits.
    await db.phoneNumber.update({ where: { sid: before.sid }, data: { serviceSid: null, addedToServiceAt: null } });
    const after = await addLongCode(account.sid, service.sid);
    // Bring SendAt forward: the dispatch job runs now instead of in an hour.
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE payload::text LIKE ${"%" + m.sid + "%"}`;
    const sent = await finalMessage(m.sid);
    expect(sent).toMatchObject({ status: "delivered", from: after.phoneNumber });
  });
});
