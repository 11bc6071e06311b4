import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { setSimRule } from "@/lib/server/simulator/sim-rules";
import { simulatorDriver } from "@/lib/carriers/simulator/simulator-driver";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { dispatchMessage, type DispatchDeps } from "@/lib/server/pipeline/dispatch-message";
import { enqueueJob } from "@/lib/server/jobs/enqueue-jobs";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { DISPATCH_TASK } from "@/lib/server/jobs/task-names";
import { transitionMessage } from "@/lib/server/message-state/transition-message";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addLongCode, addShortCode, makeAccount, makeService } from "./pipeline-fixtures";

/**
 * The Insights rollups (docs/insights.md) must equal a recount of the rows
 * they summarise, exactly, whatever happened: bursts of concurrent sends,
 * carrier failures, duplicate and retried dispatches, a crash between the
 * hand-off claim and its write, transactions rolled back and a backend killed
 * in the middle of a transition.
 */
const url = () => process.env.DATABASE_URL as string;
const deps: DispatchDeps = {
  driver: simulatorDriver,
  reschedule: (payload, runAt) => enqueueJob({ task: DISPATCH_TASK, payload, runAt, jobKey: payload.sid, maxAttempts: 25 }),
};

beforeAll(async () => {
  await migrateQueueSchema(url());
});

type Row = Record<string, string | number>;
const norm = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" || k === "n" ? Number(v) : v]))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The messages' own dimensions (the same SQL functions the triggers use), as a derived table. */
const DIMS = Prisma.sql`SELECT date_trunc('hour', created_at) AS hour, COALESCE(service_sid, '') AS service_sid, insight_sender(direction, "from", "to") AS sender,
  direction, status, COALESCE(error_code, 0) AS error_code, insight_sender_type(sender_sid, insight_sender(direction, "from", "to")) AS sender_type FROM messages`;

/** Each rollup table against a recount over messages, projected onto the table's dimensions. */
const VIEWS = [
  { table: "insight_message_counts", cols: "hour::text, service_sid, direction, status, error_code, sender_type", recount: "hour::text, service_sid, direction, status, error_code, sender_type", where: "" },
  { table: "insight_message_days", cols: "day::text, service_sid, direction, status, error_code, sender_type", recount: "date_trunc('day', hour)::text, service_sid, direction, status, error_code, sender_type", where: "" },
  { table: "insight_sender_counts", cols: "sender, hour::text, service_sid, direction, status, error_code, sender_type", recount: "sender, hour::text, service_sid, direction, status, error_code, sender_type", where: "" },
  { table: "insight_throughput", cols: "hour::text, service_sid, sender_type", recount: "hour::text, service_sid, sender_type", where: "AND direction <> 'inbound'" },
];

async function messageRecount(accountSid: string, cols = "hour::text, service_sid, sender, direction, status, error_code, sender_type", where = "") {
  return norm(
    await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT ${Prisma.raw(cols)}, count(*) AS n FROM (${DIMS} WHERE account_sid = ${accountSid}) m WHERE true ${Prisma.raw(where)} GROUP BY ${Prisma.raw(cols)}`),
  ).map((r) => Object.values(r).map(String).join("|"));
}
async function rollup(accountSid: string, table: string, cols: string) {
  return norm(
    await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT ${Prisma.raw(cols)}, sum(count) AS n FROM ${Prisma.raw(table)} WHERE account_sid = ${accountSid} GROUP BY ${Prisma.raw(cols)} HAVING sum(count) <> 0`),
  ).map((r) => Object.values(r).map(String).join("|"));
}
const LATENCY = Prisma.sql`SELECT e.status AS kind, insight_latency_bin(GREATEST(0, extract(epoch FROM e.created_at - m.created_at) * 1000)) AS bin,
  COALESCE(m.service_sid, '') AS service_sid, date_trunc('hour', m.created_at) AS hour, m.account_sid
  FROM message_events e JOIN messages m ON m.sid = e.message_sid WHERE e.status IN ('sent', 'delivered')`;
async function latencyRecount(accountSid: string, timeCol: string) {
  return norm(
    await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT kind, bin, service_sid, ${Prisma.raw(timeCol)} AS t, count(*) AS n FROM (${LATENCY}) l WHERE account_sid = ${accountSid} GROUP BY 1, 2, 3, 4`),
  );
}
async function latencyRollup(accountSid: string, table: string, timeCol: string) {
  return norm(
    await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT kind, bin, service_sid, ${Prisma.raw(timeCol)}::text AS t, sum(count) AS n FROM ${Prisma.raw(table)} WHERE account_sid = ${accountSid} GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0`),
  );
}

async function expectExact(accountSid: string) {
  for (const v of VIEWS) expect({ [v.table]: await rollup(accountSid, v.table, v.cols) }).toEqual({ [v.table]: await messageRecount(accountSid, v.recount, v.where) });
  expect(await latencyRollup(accountSid, "insight_latency_bins", "hour")).toEqual(await latencyRecount(accountSid, "hour::text"));
  expect(await latencyRollup(accountSid, "insight_latency_days", "day")).toEqual(await latencyRecount(accountSid, "date_trunc('day', hour)::text"));
}

describe("Insights rollups stay exact", () => {
  it("after a burst of sends, carrier failures, duplicate dispatches, a dead claim, rollbacks and a killed backend", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const other = await makeService(account.sid);
    await addLongCode(account.sid, service.sid, { mps: 500 });
    await addShortCode(account.sid, other.sid, String(30000 + Math.floor(Math.random() * 60000)), 500);
    // The simulator fails one prefix and leaves another undelivered (docs/pipeline.md "Carrier simulator").
    await setSimRule(account.sid, { prefix: "+1415777", outcome: "failed", errorCode: 30006 });
    await setSimRule(account.sid, { prefix: "+1415778", outcome: "undelivered", errorCode: 30003 });
    const to = (i: number) => `+141577${i % 3 === 0 ? 7 : i % 3 === 1 ? 8 : 9}${String(1000 + i).padStart(4, "0")}`;

    // A burst: 90 creates at once over two services, dispatched concurrently, 20 of them twice at the same time.
    const created = await Promise.all(
      Array.from({ length: 90 }, (_, i) => createMessage(account.sid, { to: to(i), messagingServiceSid: i % 2 ? service.sid : other.sid, body: `burst ${i}` })),
    );
    await expectExact(account.sid);
    await Promise.allSettled([...created.map((m) => dispatchMessage({ sid: m.sid }, deps)), ...created.slice(0, 20).map((m) => dispatchMessage({ sid: m.sid }, deps))]);
    await expectExact(account.sid);
    // Retried jobs after the messages are final change nothing.
    await Promise.allSettled(created.slice(0, 30).map((m) => dispatchMessage({ sid: m.sid }, deps)));
    await expectExact(account.sid);

    // A crash between the hand-off claim and its write (a dead process's claim), then the retry.
    const crashed = await createMessage(account.sid, { to: "+14157991234", messagingServiceSid: service.sid, body: "crash" });
    await db.dispatchClaim.create({ data: { messageSid: crashed.sid, token: "0000dead0000dead:9" } });
    await dispatchMessage({ sid: crashed.sid }, deps);
    await expectExact(account.sid);

    // A transition whose transaction dies after it ran (an exception, then a retry that commits).
    const rolled = await createMessage(account.sid, { to: "+14157991235", messagingServiceSid: service.sid, body: "rollback" });
    await expect(
      db.$transaction(async (tx) => {
        await transitionMessage(rolled.sid, ["accepted"], ["queued", "sending", "sent"], { from: "+14155550000", markSent: true }, tx);
        throw new Error("crash before commit");
      }),
    ).rejects.toThrow("crash before commit");
    await expectExact(account.sid);
    await dispatchMessage({ sid: rolled.sid }, deps);
    await expectExact(account.sid);

    // A backend killed with a transition in flight (uncommitted): its counts vanish with it.
    const killed = await createMessage(account.sid, { to: "+14157991236", messagingServiceSid: other.sid, body: "killed" });
    const victim = new pg.Client({ connectionString: url() });
    await victim.connect();
    victim.on("error", () => undefined);
    await victim.query("BEGIN");
    await victim.query(`UPDATE messages SET status = 'failed', error_code = 30008 WHERE sid = $1`, [killed.sid]);
    await victim.query(`INSERT INTO message_events (message_sid, account_sid, status) VALUES ($1, $2, 'sent')`, [killed.sid, account.sid]);
    const { rows } = await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await db.$executeRaw(Prisma.sql`SELECT pg_terminate_backend(${rows[0]!.pid}::int)`);
    await victim.end().catch(() => undefined);
    await expectExact(account.sid);
    await dispatchMessage({ sid: killed.sid }, deps);
    await expectExact(account.sid);

    // Folding the shards (the hourly compaction, here of every hour) changes no sum and leaves one row per key.
    const shardsBefore = await db.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(DISTINCT shard) AS n FROM insight_sender_counts WHERE account_sid = ${account.sid}`);
    await db.$queryRaw(Prisma.sql`SELECT insight_compact((now() + interval '3 days')::timestamp)`);
    await expectExact(account.sid);
    const left = await db.$queryRaw<{ n: bigint }[]>(Prisma.sql`
      SELECT count(*) AS n FROM insight_message_counts WHERE account_sid = ${account.sid} AND (shard <> 0 OR count = 0)`);
    expect(Number(left[0]!.n)).toBe(0);
    expect(Number(shardsBefore[0]!.n)).toBeGreaterThanOrEqual(1);
    // Transitions after a compaction still add up.
    await dispatchMessage({ sid: (await createMessage(account.sid, { to: "+14157991237", messagingServiceSid: service.sid, body: "after" })).sid }, deps);
    await expectExact(account.sid);

    // Something really happened: sent, delivered, failed and undelivered, on two senders, with latencies.
    const recount = await messageRecount(account.sid, "status, sender_type");
    for (const s of ["delivered|long_code", "delivered|short_code", "failed|", "undelivered|"]) expect(recount.some((r) => r.startsWith(s))).toBe(true);
    expect(recount.reduce((n, r) => n + Number(r.split("|").pop()), 0)).toBe(94);
    expect((await latencyRollup(account.sid, "insight_latency_days", "day")).some((r) => r.kind === "delivered")).toBe(true);
  }, 60_000);

  it("opt-outs, opt-ins, short links and clicks (first clicks once per link) match their tables", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const m = await createMessage(account.sid, { to: "+14157990001", messagingServiceSid: service.sid, body: "links" });
    await db.optOutEvent.createMany({
      data: [
        { serviceSid: service.sid, recipient: "+14157990001", action: "opt_out", source: "keyword" },
        { serviceSid: service.sid, recipient: "+14157990002", action: "opt_out", source: "api" },
        { serviceSid: service.sid, recipient: "+14157990001", action: "opt_in", source: "keyword" },
      ],
    });
    const domainSid = newSid("DN");
    const slugs = ["insA000001", "insB000002"].map((s) => s + account.sid.slice(-4)).map((s) => s.slice(0, 10));
    await db.shortLink.createMany({
      data: slugs.map((slug) => ({ slug, accountSid: account.sid, domainSid, serviceSid: service.sid, messageSid: m.sid, recipient: "+14157990001", originalUrl: "https://example.com/" })),
    });
    const click = (slug: string) => ({ slug, accountSid: account.sid, serviceSid: service.sid, messageSid: m.sid, clickedAt: new Date() });
    await db.linkClick.createMany({ data: [click(slugs[0]!), click(slugs[0]!)] });
    await db.linkClick.create({ data: click(slugs[0]!) });
    await db.linkClick.create({ data: click(slugs[1]!) });
    const rollup = await db.$queryRaw<{ kind: string; n: bigint }[]>(
      Prisma.sql`SELECT kind, sum(count) AS n FROM insight_event_counts WHERE account_sid = ${account.sid} GROUP BY kind ORDER BY kind`,
    );
    const days = await db.$queryRaw<{ kind: string; n: bigint }[]>(
      Prisma.sql`SELECT kind, sum(count) AS n FROM insight_event_days WHERE account_sid = ${account.sid} GROUP BY kind ORDER BY kind`,
    );
    expect(days).toEqual(rollup);
    expect(rollup.map((r) => [r.kind, Number(r.n)])).toEqual([
      ["link_click", 4],
      ["link_created", 2],
      ["link_first_click", 2],
      ["opt_in", 1],
      ["opt_out", 2],
    ]);
  });
});
