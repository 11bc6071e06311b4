import { beforeAll, describe, expect, it } from "vitest";
import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { reserveSlot, spacingMicros } from "@/lib/server/pipeline/rate-slots";
import { transitionMessage } from "@/lib/server/message-state/transition-message";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addLongCode, makeAccount, makeService, statusesOf } from "./pipeline-fixtures";

/** The group commit the hot paths rely on, and the batched statements built on it. */
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
});

describe("coalesce", () => {
  it("concurrent calls share a batch; idle calls run alone", async () => {
    const batches: number[][] = [];
    const double = coalesce<number, number>({ maxBatch: 50, maxInFlight: 1, run: async (xs) => (batches.push(xs), xs.map((x) => x * 2)) });
    expect(await double(1)).toBe(2);
    const out = await Promise.all(Array.from({ length: 120 }, (_, i) => double(i)));
    expect(out).toEqual(Array.from({ length: 120 }, (_, i) => i * 2));
    expect(batches[0]).toEqual([1]);
    // 120 calls in one turn, at most 50 per batch, one statement in flight: 3 batches.
    expect(batches.slice(1).map((b) => b.length)).toEqual([50, 50, 20]);
  });

  it("items with one key never share a batch, and keep their order", async () => {
    const batches: string[][] = [];
    const run = coalesce<string, string>({ maxBatch: 10, maxInFlight: 1, keyOf: (s) => s.slice(0, 1), run: async (xs) => (batches.push(xs), xs) });
    await Promise.all(["a1", "b1", "a2", "a3", "b2"].map(run));
    for (const b of batches) expect(new Set(b.map((s) => s[0])).size).toBe(b.length);
    expect(batches.flat().filter((s) => s.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
  });

  it("a failing batch is retried item by item: only the bad item's caller fails", async () => {
    const run = coalesce<number, number>({
      maxBatch: 10,
      maxInFlight: 1,
      run: async (xs) => {
        if (xs.includes(13)) throw new Error("unlucky");
        return xs;
      },
    });
    const results = await Promise.allSettled([1, 13, 2].map(run));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});

describe("batched pipeline statements", () => {
  it("creates that share an insert statement share one dispatch job; a scheduled message keeps its own keyed job", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const sendAt = new Date(Date.now() + 3_600_000);
    const [scheduled, ...due] = await Promise.all([
      createMessage(account.sid, { to: "+14155552999", messagingServiceSid: service.sid, body: "later", scheduleType: "fixed", sendAt: sendAt.toISOString() }),
      ...Array.from({ length: 12 }, (_, i) => createMessage(account.sid, { to: `+1415555${String(3000 + i)}`, messagingServiceSid: service.sid, body: `now ${i}` })),
    ]);
    const sids = due.map((m) => m.sid);
    const jobs = await db.$queryRaw<{ key: string | null; payload: unknown; run_at: Date }[]>`
      SELECT key, payload, run_at FROM graphile_worker._private_jobs
       WHERE key = ${scheduled!.sid} OR EXISTS (SELECT 1 FROM json_array_elements(CASE WHEN json_typeof(payload) = 'array' THEN payload ELSE '[]' END) e WHERE e->>'sid' = ANY(${sids}))`;
    const batch = jobs.filter((j) => Array.isArray(j.payload));
    // Every due message is in exactly one batch job (one per insert statement), none keyed.
    expect(batch.flatMap((j) => (j.payload as { sid: string }[]).map((p) => p.sid)).sort()).toEqual([...sids].sort());
    expect(batch.length).toBeLessThan(sids.length);
    expect(batch.every((j) => j.key === null)).toBe(true);
    const own = jobs.filter((j) => j.key === scheduled!.sid);
    expect(own).toHaveLength(1);
    expect(own[0]!.payload).toEqual({ sid: scheduled!.sid });
    expect(Math.abs(own[0]!.run_at.getTime() - sendAt.getTime())).toBeLessThan(1000);
  });

  it("one statement checks and inserts: refused concurrent creates write nothing, accepted ones return the row as stored", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid, { validityPeriod: 600 });
    await db.service.update({ where: { sid: service.sid }, data: { smartEncoding: true } });
    const other = await makeService((await makeAccount()).sid);
    const number = await addLongCode(account.sid, null);
    await db.optOut.create({ data: { serviceSid: service.sid, recipient: "+14155554001", source: "api" } });
    const smartQuote = "It\u2019s here"; // UCS-2 as sent, GSM-7 once Smart Encoding applies
    const sends = [
      { to: "+14155554000", messagingServiceSid: service.sid, body: smartQuote },
      { to: "+14155554001", messagingServiceSid: service.sid, body: "opted out" },
      { to: "+14155554002", messagingServiceSid: other.sid, body: "another account's service" },
      { to: "+14155554003", from: "+14155550000", body: "unknown From" },
      { to: "+14155554004", messagingServiceSid: service.sid, body: "x".repeat(1601) },
      { to: "+14155554005", from: number.phoneNumber, body: smartQuote, validityPeriod: "60" },
      { to: "+14155554006", messagingServiceSid: service.sid, body: smartQuote, smartEncoded: false },
      { to: "+14155554007", from: number.phoneNumber, body: smartQuote, smartEncoded: true },
    ];
    const results = await Promise.allSettled(sends.map((s) => createMessage(account.sid, s)));
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: number }).code : "ok"));
    expect(codes).toEqual(["ok", 21610, 21701, 21606, 21617, "ok", "ok", "ok"]);
    const stored = await db.message.findMany({ where: { accountSid: account.sid }, orderBy: { to: "asc" } });
    expect(stored.map((m) => m.to)).toEqual(["+14155554000", "+14155554005", "+14155554006", "+14155554007"]);
    const returned = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])).sort((a, b) => a.to.localeCompare(b.to));
    expect(returned).toEqual(stored);
    // The service's Smart Encoding and validity apply (SmartEncoded=false leaves the service's setting, as
    // dispatch does); a From-only send has neither.
    expect(stored.map((m) => [m.encoding, m.validityPeriod, m.senderSid])).toEqual([
      ["GSM-7", 600, null],
      ["UCS-2", 60, number.sid],
      ["GSM-7", 600, null],
      ["GSM-7", 36000, number.sid],
    ]);
    expect(await db.messageEvent.count({ where: { messageSid: { in: stored.map((m) => m.sid) } } })).toBe(4);
  });

  it("many messages transition at once; a chain records each status in order; two changes of one message apply in sequence", async () => {
    const account = await makeAccount();
    const number = await addLongCode(account.sid, null);
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) => createMessage(account.sid, { to: `+1415555${String(2000 + i)}`, from: number.phoneNumber, body: `b${i}` })),
    );
    const sending = await Promise.all(created.map((m) => transitionMessage(m.sid, ["queued"], "sending", { markSent: true })));
    expect(sending.every((m) => m?.status === "sending" && m.dateSent)).toBe(true);
    // The same message twice at once: the second waits for the first (never one statement), so both apply.
    const [sent, delivered] = await Promise.all([
      transitionMessage(created[0]!.sid, ["sending"], ["sent", "delivered"]),
      transitionMessage(created[0]!.sid, ["delivered"], "read"),
    ]);
    expect(sent?.status).toBe("delivered");
    expect(delivered?.status).toBe("read");
    expect(await statusesOf(created[0]!.sid)).toEqual(["queued", "sending", "sent", "delivered", "read"]);
    // A transition from a status the message is not in changes nothing.
    expect(await transitionMessage(created[1]!.sid, ["queued"], "failed", { errorCode: 30036 })).toBeNull();
    expect((await db.message.findUnique({ where: { sid: created[1]!.sid } }))?.status).toBe("sending");
    const events = await db.messageEvent.findMany({ where: { messageSid: created[0]!.sid }, orderBy: { id: "asc" } });
    for (let i = 1; i < events.length; i++) expect(events[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.createdAt.getTime());
  });

  it("a chain with a failure code puts the code on the final event only", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid);
    const m = await createMessage(account.sid, { to: "+14155553001", messagingServiceSid: service.sid, body: "x" });
    await transitionMessage(m.sid, ["accepted"], ["queued", "sending"]);
    await transitionMessage(m.sid, ["sending"], ["sent", "undelivered"], { errorCode: 30003, errorMessage: "Unreachable" });
    const events = await db.messageEvent.findMany({ where: { messageSid: m.sid }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.status, e.errorCode])).toEqual([["accepted", null], ["queued", null], ["sending", null], ["sent", null], ["undelivered", 30003]]);
  });

  it("concurrent slot reservations for one sender get distinct slots at least one spacing apart", async () => {
    const sender = "SC" + "f".repeat(32);
    const micros = spacingMicros("short_code", null);
    const slots = await Promise.all(Array.from({ length: 40 }, () => reserveSlot(sender, micros)));
    const at = slots.map((s) => s.at).sort((a, b) => a - b);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(micros / 1000 - 0.001);
    // 40 slots at 100 mps (+5 % margin) span ~0.41 s.
    expect(at[at.length - 1]! - at[0]!).toBeCloseTo((39 * micros) / 1000, 0);
  });
});
