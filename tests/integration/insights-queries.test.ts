import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSimRule } from "@/lib/server/simulator/sim-rules";
import { simulatorDriver } from "@/lib/carriers/simulator/simulator-driver";
import { Prisma } from "@/lib/generated/prisma/client";
import { latencyBin } from "@/lib/core/insights/latency-histogram";
import { resolveRange, type TimeRange } from "@/lib/core/insights/time-range";
import { db } from "@/lib/server/db/client";
import { dispatchMessage, type DispatchDeps } from "@/lib/server/pipeline/dispatch-message";
import { enqueueJob } from "@/lib/server/jobs/enqueue-jobs";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { DISPATCH_TASK } from "@/lib/server/jobs/task-names";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addLongCode, addShortCode, makeAccount, makeService } from "./pipeline-fixtures";

vi.mock("server-only", () => ({}));
const { getInsightsReport } = await import("@/lib/server/services/insights/get-insights-report");
const { exportInsightsCsv } = await import("@/lib/server/services/insights/export-insights-csv");
const { getOverview } = await import("@/lib/server/services/insights/get-overview");

const deps: DispatchDeps = {
  driver: simulatorDriver,
  reschedule: (payload, runAt) => enqueueJob({ task: DISPATCH_TASK, payload, runAt, jobKey: payload.sid, maxAttempts: 25 }),
};
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
});

async function seed() {
  const account = await makeAccount();
  const a = await makeService(account.sid);
  const b = await makeService(account.sid);
  const pn = await addLongCode(account.sid, a.sid, { mps: 500 });
  await addLongCode(account.sid, null); // not in a pool: counts in the account's capacity only
  const sc = await addShortCode(account.sid, b.sid, String(30000 + Math.floor(Math.random() * 60000)), 200);
  await setSimRule(account.sid, { prefix: "+1415779", outcome: "failed", errorCode: 30006 });
  const sends = [
    ...Array.from({ length: 8 }, (_, i) => ({ to: `+1415770${String(1000 + i)}`, svc: a.sid })),
    ...Array.from({ length: 3 }, (_, i) => ({ to: `+1415779${String(1000 + i)}`, svc: a.sid })),
    ...Array.from({ length: 5 }, (_, i) => ({ to: `+1415771${String(1000 + i)}`, svc: b.sid })),
  ];
  const msgs = await Promise.all(sends.map((s) => createMessage(account.sid, { to: s.to, messagingServiceSid: s.svc, body: "insights" })));
  await Promise.all(msgs.map((m) => dispatchMessage({ sid: m.sid }, deps)));
  return { account, a, b, pn, sc };
}

const range = () => resolveRange({ range: "24h" }, new Date()) as TimeRange;

describe("Insights queries", () => {
  it("answer the charts from the rollups, filtered by service and sender, scoped by account", async () => {
    const { account, a, b, pn, sc } = await seed();
    const other = await seed();
    const all = await getInsightsReport(account.sid, { range: range() });
    expect(all.totals).toMatchObject({ outbound: 16, delivered: 13, failed: 3, withError: 3 });
    expect(all.totals.deliveryRate).toBeCloseTo(13 / 16);
    expect(all.status.reduce((n, p) => n + p.delivered + p.failed, 0)).toBe(16);
    expect(all.errorCodes).toEqual([{ code: 30006, description: "Landline or unreachable carrier", count: 3, share: 3 / 16 }]);
    expect(all.latency.map((l) => [l.kind, l.count])).toEqual([["sent", 16], ["delivered", 13]]);
    expect(all.latency[1]!.p95).not.toBeNull();
    // Capacity: two long codes (500 + the default 1) and one short code at 200.
    expect(all.throughput.map((t) => [t.senderType, t.senders, t.capacityMps])).toEqual([["long_code", 2, 501], ["short_code", 1, 200]]);

    // Daily rows (a 7-day range) and a sender's own rows agree with the hourly ones.
    const week = await getInsightsReport(account.sid, { range: resolveRange({ range: "7d" }, new Date()) as TimeRange });
    expect(week.totals).toEqual(all.totals);
    expect(week.latency).toEqual(all.latency);
    const onlyB = await getInsightsReport(account.sid, { range: range(), service: b.sid });
    expect(onlyB.totals).toMatchObject({ outbound: 5, delivered: 5 });
    expect(onlyB.throughput.map((t) => t.senderType)).toEqual(["short_code"]);
    const bySender = await getInsightsReport(account.sid, { range: range(), sender: sc.shortCode });
    expect(bySender.totals.outbound).toBe(5);
    const byNumber = await getInsightsReport(account.sid, { range: range(), service: a.sid, sender: pn.phoneNumber });
    expect(byNumber.totals.outbound).toBeLessThanOrEqual(11);

    // Another account's service is not found; its messages never show.
    await expect(getInsightsReport(account.sid, { range: range(), service: other.a.sid })).rejects.toMatchObject({ status: 404 });
    expect((await getInsightsReport(other.account.sid, { range: range() })).totals.outbound).toBe(16);

    const csv = await exportInsightsCsv(account.sid, "errors", { range: range() });
    expect(csv).toBe("Error code,Description,Messages,Share of outbound\r\n30006,Landline or unreachable carrier,3,18.8%\r\n");
    await expect(exportInsightsCsv(account.sid, "nope", { range: range() })).rejects.toMatchObject({ status: 404 });

    const overview = await getOverview(account.sid, new Date());
    expect(overview.today).toMatchObject({ outbound: 16, delivered: 13 });
    expect(overview.queueDepth).toBe(0);
  }, 30_000);

  it("the database's latency bins are lib/core's", async () => {
    const values = [0, 0.4, 1, 1.19, 2, 3, 17, 999, 1000, 1001, 65_536, 1e9, 1e12];
    const rows = await db.$queryRaw<{ bin: number }[]>(Prisma.sql`SELECT insight_latency_bin(v)::int AS bin FROM unnest(${values}::float8[]) WITH ORDINALITY AS t(v, o) ORDER BY o`);
    expect(rows.map((r) => r.bin)).toEqual(values.map(latencyBin));
  });
});
