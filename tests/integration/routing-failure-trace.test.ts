import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { finalMessage, makeAccount, makeService } from "./pipeline-fixtures";

let workers: PipelineWorkers | undefined;

beforeAll(async () => {
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 2 });
});

afterAll(async () => {
  await workers?.stop();
});

describe("a message no sender can take", () => {
  it("fails with 21703 and keeps the routing trace that says why (docs/console.md 'Routing traces')", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await db.alphaSender.create({ data: { sid: newSid("AI"), accountSid: account.sid, serviceSid: service.sid, alphaSender: "ACME" } });
    const created = await createMessage(account.sid, { to: "+14155550123", messagingServiceSid: service.sid, body: "hi" });
    const m = await finalMessage(created.sid);
    expect(m).toMatchObject({ status: "failed", errorCode: 21703 });
    expect(m.errorMessage).toContain("(no sender for US)");
    const trace = (m.routingTrace as { trace: string[] } | null)?.trace ?? [];
    expect(trace.some((line) => line.startsWith("tier alpha:"))).toBe(true);
  });
});
