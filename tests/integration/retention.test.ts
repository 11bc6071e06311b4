import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { purgeExpiredMessages } from "@/lib/server/services/retention/purge-expired-messages";
import { messageRetentionSchema } from "@/lib/server/services/retention/retention-schema";
import { updateMessageRetention } from "@/lib/server/services/retention/update-message-retention";
import { makeAccount, waitFor } from "./pipeline-fixtures";

const DAY = 86_400_000;

async function message(accountSid: string, status: string, ageDays: number, extra: { dateSent?: Date } = {}) {
  const sid = newSid("SM");
  const createdAt = new Date(Date.now() - ageDays * DAY);
  await db.message.create({
    data: { sid, accountSid, direction: "outbound-api", to: "+14155550100", body: "retained?", status, validityPeriod: 14400, createdAt, dateSent: extra.dateSent ?? null },
  });
  await db.messageEvent.create({ data: { messageSid: sid, accountSid, status, createdAt } });
  return sid;
}

const exists = async (sid: string) => (await db.message.count({ where: { sid } })) === 1;

describe("message retention setting", () => {
  it("accepts whole days 1..3650 or empty (forever), refuses the rest with a field message", () => {
    expect(messageRetentionSchema.parse({ messageRetentionDays: " 30 " })).toEqual({ messageRetentionDays: 30 });
    expect(messageRetentionSchema.parse({ messageRetentionDays: "" })).toEqual({ messageRetentionDays: null });
    for (const bad of ["0", "3651", "1.5", "-3", "ten"]) {
      const r = messageRetentionSchema.safeParse({ messageRetentionDays: bad });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["messageRetentionDays"]);
    }
  });

  it("is saved on the account, and only the account's own", async () => {
    const a = await makeAccount();
    expect(await updateMessageRetention(a.sid, 7)).toEqual({ messageRetentionDays: 7 });
    expect((await db.account.findUniqueOrThrow({ where: { sid: a.sid } })).messageRetentionDays).toBe(7);
    await expect(updateMessageRetention("AC" + "0".repeat(32), 7)).rejects.toMatchObject({ code: 20404, status: 404 });
  });
});

describe("purge", () => {
  let workers: PipelineWorkers | null = null;
  beforeAll(async () => {
    await migrateQueueSchema(process.env.DATABASE_URL as string);
    // Other files' accounts must not join this file's purges.
    await db.account.updateMany({ data: { messageRetentionDays: null } });
  });
  afterAll(async () => {
    await workers?.stop();
  });

  it("deletes final messages past their account's retention, with their events; keeps recent, unfinished and forever-kept ones", async () => {
    const a = await makeAccount();
    const keepForever = await makeAccount();
    await updateMessageRetention(a.sid, 30);
    const oldDelivered = await message(a.sid, "delivered", 40);
    const oldFailed = await message(a.sid, "failed", 31);
    const oldSentLongAgo = await message(a.sid, "sent", 40, { dateSent: new Date(Date.now() - 40 * DAY) });
    const oldSentJustNow = await message(a.sid, "sent", 40, { dateSent: new Date(Date.now() - 3_600_000) }); // may still get its report
    const oldQueued = await message(a.sid, "queued", 40);
    const oldScheduled = await message(a.sid, "scheduled", 45);
    const recent = await message(a.sid, "delivered", 29);
    const otherAccount = await message(keepForever.sid, "delivered", 400);

    const r = await purgeExpiredMessages();
    expect(r).toEqual({ deleted: 3, done: true });
    for (const sid of [oldDelivered, oldFailed, oldSentLongAgo]) expect(await exists(sid)).toBe(false);
    for (const sid of [oldSentJustNow, oldQueued, oldScheduled, recent, otherAccount]) expect(await exists(sid)).toBe(true);
    expect(await db.messageEvent.count({ where: { messageSid: { in: [oldDelivered, oldFailed, oldSentLongAgo] } } })).toBe(0);
  });

  it("works in batches and stops when its budget is spent, oldest first", async () => {
    const a = await makeAccount();
    await updateMessageRetention(a.sid, 1);
    const sids = [];
    for (let i = 0; i < 5; i++) sids.push(await message(a.sid, "delivered", 10 - i)); // sids[0] oldest
    expect(await purgeExpiredMessages({ batchSize: 2, budgetMs: 0 })).toEqual({ deleted: 2, done: false });
    expect([await exists(sids[0]!), await exists(sids[1]!), await exists(sids[2]!)]).toEqual([false, false, true]);
    expect(await purgeExpiredMessages({ batchSize: 2 })).toEqual({ deleted: 3, done: true });
    expect(await db.message.count({ where: { accountSid: a.sid } })).toBe(0);
  });

  it("skips a message another transaction holds (a worker updating it) instead of waiting for it", async () => {
    const a = await makeAccount();
    await updateMessageRetention(a.sid, 1);
    const held = await message(a.sid, "delivered", 5);
    const free = await message(a.sid, "delivered", 5);
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("UPDATE messages SET updated_at = now() WHERE sid = $1", [held]);
      const started = Date.now();
      expect(await purgeExpiredMessages()).toEqual({ deleted: 1, done: true });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await exists(held)).toBe(true);
      expect(await exists(free)).toBe(false);
    } finally {
      await other.query("ROLLBACK");
      await other.end();
    }
    expect(await purgeExpiredMessages()).toEqual({ deleted: 1, done: true });
    expect(await exists(held)).toBe(false);
  });

  it("runs as the pipeline workers' retention-purge job", async () => {
    const a = await makeAccount();
    await updateMessageRetention(a.sid, 2);
    const old = await message(a.sid, "undelivered", 3);
    workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 4 });
    await db.$executeRaw`SELECT graphile_worker.add_job('retention-purge', '{}'::json, job_key => 'retention-purge')`;
    await waitFor(async () => !(await exists(old)), 15_000);
  });
});
