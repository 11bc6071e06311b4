import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { loadPoolScalingWarnings, loadScalingSnapshot } from "@/lib/server/services/scaling/load-scaling-snapshot";
import { addLongCode, makeAccount, makeService } from "./pipeline-fixtures";
import { expectCode } from "./pool-fixtures";

// The "server-only" marker throws outside a React Server Components bundle.
vi.mock("server-only", () => ({}));

beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
});

/** Waiting messages through the real create path (no worker runs here, so they stay accepted). */
async function queue(accountSid: string, serviceSid: string, to: (i: number) => string, n: number, extra: Record<string, unknown> = {}) {
  for (let i = 0; i < n; i++) await createMessage(accountSid, { to: to(i), messagingServiceSid: serviceSid, body: `queued ${i}`, ...extra });
}

/** Already-sent history of a sender (what the pipeline leaves behind), at a given age. */
async function sent(accountSid: string, serviceSid: string, from: string, bodies: string[], ageMinutes: number) {
  const at = new Date(Date.now() - ageMinutes * 60_000);
  await db.message.createMany({
    data: bodies.map((body, i) => ({
      sid: newSid("SM"),
      accountSid,
      serviceSid,
      direction: "outbound-api",
      from,
      to: `+1646555${String(1000 + i).padStart(4, "0")}`,
      body,
      status: "delivered",
      validityPeriod: 36000,
      createdAt: at,
      updatedAt: at,
    })),
  });
}

describe("scaling snapshot", () => {
  it("depth, drain time at the pool's paced MPS, and a suggestion when the queue outgrows the pool", async () => {
    const acct = await makeAccount();
    const svc = await makeService(acct.sid);
    await addLongCode(acct.sid, svc.sid, { phoneNumber: "+14155550101" });
    await addLongCode(acct.sid, svc.sid, { phoneNumber: "+14155550102", mps: 4 });
    await queue(acct.sid, svc.sid, (i) => `+1415666${String(1000 + i).padStart(4, "0")}`, 40);
    // Scheduled for later: not in the queue yet.
    await createMessage(acct.sid, { to: "+14156661999", messagingServiceSid: svc.sid, body: "later", scheduleType: "fixed", sendAt: new Date(Date.now() + 3_600_000).toISOString() });

    const s = await loadScalingSnapshot(acct.sid, svc.sid);
    expect(s.depth).toBe(40);
    expect(s.scheduled).toBe(1);
    expect(s.groups).toHaveLength(1);
    const g = s.groups[0]!;
    expect(g).toMatchObject({ tier: "long_code", countries: ["US"], senders: 2, depth: 40, atRisk: 0 });
    // 1 + 4 MPS, each spaced (1000 + 50) ms / mps apart.
    expect(g.capacityMps).toBeCloseTo(5000 / 1050, 3);
    expect(s.drainSeconds).toBeCloseTo(40 / (5000 / 1050), 3);
    expect(s.suggestions).toEqual([]); // 8.4 s: well within the 10-minute target
  });

  it("a queue that takes longer than the target suggests long codes or one short code", async () => {
    const acct = await makeAccount();
    const svc = await makeService(acct.sid);
    await addLongCode(acct.sid, svc.sid, { phoneNumber: "+14155550201" });
    // 700 waiting messages at 0.952/s: 12 min. Inserted as create leaves them, in one statement for speed.
    const now = new Date();
    await db.message.createMany({
      data: Array.from({ length: 700 }, (_, i) => ({
        sid: newSid("SM"), accountSid: acct.sid, serviceSid: svc.sid, direction: "outbound-api", to: `+1415777${String(1000 + i).padStart(4, "0")}`,
        body: "x", status: "accepted", validityPeriod: 36000, createdAt: now, updatedAt: now,
      })),
    });
    const s = await loadScalingSnapshot(acct.sid, svc.sid);
    expect(s.depth).toBe(700);
    expect(s.suggestions).toHaveLength(1);
    // 700 / 600 s = 1.17/s: two long codes at 0.952/s, or one short code.
    expect(s.suggestions[0]?.message).toMatch(/^This service's US traffic needs about 2 long codes, or one short code/);
  });

  it("counts messages whose validity ends before their estimated send time", async () => {
    const acct = await makeAccount();
    const svc = await makeService(acct.sid);
    await addLongCode(acct.sid, svc.sid, { phoneNumber: "+14155550301" });
    // 100 messages valid for 60 s behind one 0.952/s long code: about the first 57 leave in time. Deadlines are read
    // to 10 s (rounded down), so 42-53 count at risk.
    const now = new Date();
    await db.message.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        sid: newSid("SM"), accountSid: acct.sid, serviceSid: svc.sid, direction: "outbound-api", to: `+1415888${String(1000 + i).padStart(4, "0")}`,
        body: "x", status: i % 2 ? "queued" : "accepted", validityPeriod: 60, createdAt: now, updatedAt: now,
      })),
    });
    // Already past its deadline (the pipeline will fail it 30036): at risk whatever the pace.
    await db.message.create({
      data: { sid: newSid("SM"), accountSid: acct.sid, serviceSid: svc.sid, direction: "outbound-api", to: "+14158889999", body: "old", status: "accepted", validityPeriod: 60, createdAt: new Date(Date.now() - 3_600_000) },
    });
    // Another destination served by nobody: counted apart, never "at risk" of the pool's pace.
    await queue(acct.sid, svc.sid, (i) => `whatsapp:+1415888${String(2000 + i).padStart(4, "0")}`, 2);
    const s = await loadScalingSnapshot(acct.sid, svc.sid);
    expect(s.depth).toBe(103);
    expect(s.unroutable).toBe(2);
    expect(s.drainSeconds).toBeNull();
    expect(s.atRisk).toBeGreaterThanOrEqual(42);
    expect(s.atRisk).toBeLessThanOrEqual(54);
    expect(s.suggestions[0]?.message).toMatch(/expire first/);

    // A pace that keeps up: 60 MPS sends all 101 in under 2 s, only the expired one is at risk.
    await db.phoneNumber.updateMany({ where: { serviceSid: svc.sid }, data: { mps: 60 } });
    expect((await loadScalingSnapshot(acct.sid, svc.sid)).atRisk).toBe(1);
  });

  it("busiest senders by the last hour and the last 24 hours", async () => {
    const acct = await makeAccount();
    const svc = await makeService(acct.sid);
    const a = await addLongCode(acct.sid, svc.sid, { phoneNumber: "+14155550401" });
    const b = await addLongCode(acct.sid, svc.sid, { phoneNumber: "+14155550402" });
    await addLongCode(acct.sid, svc.sid, { phoneNumber: "+14155550403" }); // silent: not listed
    await sent(acct.sid, svc.sid, a.phoneNumber, Array.from({ length: 5 }, (_, i) => `a${i}`), 10);
    await sent(acct.sid, svc.sid, b.phoneNumber, Array.from({ length: 3 }, (_, i) => `b${i}`), 10);
    await sent(acct.sid, svc.sid, b.phoneNumber, Array.from({ length: 20 }, (_, i) => `old${i}`), 300);
    await sent(acct.sid, svc.sid, b.phoneNumber, ["too old"], 25 * 60);
    const s = await loadScalingSnapshot(acct.sid, svc.sid);
    expect(s.busiest.map((x) => [x.address, x.lastHour, x.last24h])).toEqual([
      [a.phoneNumber, 5, 5],
      [b.phoneNumber, 3, 23],
    ]);
    expect(s.busiest[0]?.utilization).toBeCloseTo(5 / (3600 * (1000 / 1050)), 6);
  });

  it("snowshoeing: one body from three numbers in the window, not from two, not an hour ago", async () => {
    const acct = await makeAccount();
    const svc = await makeService(acct.sid);
    const nums = await Promise.all(["+14155550501", "+14155550502", "+14155550503"].map((p) => addLongCode(acct.sid, svc.sid, { phoneNumber: p })));
    for (const n of nums) await sent(acct.sid, svc.sid, n.phoneNumber, ["Flash sale! 50% off today only", `personal ${n.sid}`], 5);
    for (const n of nums.slice(0, 2)) await sent(acct.sid, svc.sid, n.phoneNumber, ["Two numbers only"], 5);
    for (const n of nums) await sent(acct.sid, svc.sid, n.phoneNumber, ["Yesterday's news"], 90);
    const s = await loadScalingSnapshot(acct.sid, svc.sid);
    expect(s.snowshoe.map((f) => [f.sample, f.numbers, f.messages])).toEqual([["Flash sale! 50% off today only", 3, 3]]);
    const w = await loadPoolScalingWarnings(acct.sid, svc.sid);
    expect(w.snowshoe).toHaveLength(1);
  });

  it("country rules from the countries the service sends to: France and Canada on long codes", async () => {
    const acct = await makeAccount();
    const svc = await makeService(acct.sid);
    await addLongCode(acct.sid, svc.sid, { phoneNumber: "+14155550601" });
    await queue(acct.sid, svc.sid, () => "+33612345678", 1);
    const w = await loadPoolScalingWarnings(acct.sid, svc.sid);
    expect(w.rules.map((r) => r.ruleId)).toEqual(["fr-a2p-alpha-or-short-code"]);
    expect(w.rules[0]?.source.passage).toMatch(/France prohibits the use of local long code numbers/);

    // Canadian traffic in the history (sent, not waiting) counts too.
    await db.message.create({
      data: { sid: newSid("SM"), accountSid: acct.sid, serviceSid: svc.sid, direction: "outbound-api", from: "+14155550601", to: "+14165550123", body: "hi", status: "delivered", validityPeriod: 36000 },
    });
    expect((await loadPoolScalingWarnings(acct.sid, svc.sid)).rules.map((r) => r.ruleId).sort()).toEqual(["ca-no-a2p-on-long-codes", "fr-a2p-alpha-or-short-code"]);

    // An alphanumeric sender takes France's traffic (routing prefers it): that rule clears.
    await db.alphaSender.create({ data: { sid: newSid("AI"), accountSid: acct.sid, serviceSid: svc.sid, alphaSender: "Acme", isoCountryCode: "" } });
    expect((await loadPoolScalingWarnings(acct.sid, svc.sid)).rules.map((r) => r.ruleId)).toEqual(["ca-no-a2p-on-long-codes"]);
  });

  it("another account's service is not found", async () => {
    const owner = await makeAccount();
    const svc = await makeService(owner.sid);
    const other = await makeAccount();
    await expectCode(loadScalingSnapshot(other.sid, svc.sid), 20404, 404);
    await expectCode(loadPoolScalingWarnings(other.sid, svc.sid), 20404, 404);
  });
});
