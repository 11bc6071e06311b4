import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseCarriers } from "@/lib/carriers/runtime/choose-carriers";
import { recordPartAccepted, recordPartReport, recordSubmitting } from "@/lib/carriers/runtime/carrier-submissions";
import { applyCarrierReport, sweepUnsettledReports } from "@/lib/carriers/runtime/settle-message";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { transitionMessage } from "@/lib/server/message-state/transition-message";
import { makeAccount, statusesOf, waitFor } from "./pipeline-fixtures";

let workers: PipelineWorkers;
beforeAll(async () => {
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 4 });
});
afterAll(async () => {
  await workers.stop();
});

describe("which carrier sends a message (chooseCarriers)", () => {
  const enabled = new Set(["CR1", "CR2", "CR3"]);
  const routes = [
    { prefix: "+44", carrierSids: ["CR2", "CR3"] },
    { prefix: "+447", carrierSids: ["CR3", "CR9"] },
    { prefix: "", carrierSids: ["CR1"] },
  ];
  it.each([
    ["sender bound wins over routes", { senderCarrierSid: "CR2", to: "+447700900001" }, ["CR2"]],
    ["longest prefix, disabled skipped", { senderCarrierSid: null, to: "+447700900001" }, ["CR3"]],
    ["shorter prefix", { senderCarrierSid: null, to: "+441632960001" }, ["CR2", "CR3"]],
    ["catch-all route", { senderCarrierSid: null, to: "+14155550100" }, ["CR1"]],
  ])("%s", (_name, input, expected) => {
    const c = chooseCarriers({ ...input, enabled, defaultSid: "CR3", routes });
    expect(c.kind).toBe("carriers");
    expect(c.kind === "carriers" && c.carrierSids).toEqual(expected);
  });
  it("default when no route matches; none without a default; simulator only without enabled carriers", () => {
    const noRoutes = { senderCarrierSid: null, to: "+14155550100", enabled, routes: [{ prefix: "+44", carrierSids: ["CR2"] }] };
    expect(chooseCarriers({ ...noRoutes, defaultSid: "CR3" })).toMatchObject({ kind: "carriers", carrierSids: ["CR3"] });
    expect(chooseCarriers({ ...noRoutes, defaultSid: null }).kind).toBe("none");
    expect(chooseCarriers({ ...noRoutes, defaultSid: "CR1", senderCarrierSid: "CR7" }).kind).toBe("none");
    expect(chooseCarriers({ ...noRoutes, enabled: new Set(), defaultSid: null }).kind).toBe("simulator");
  });
});

async function sentMessage(accountSid: string, carrierSid: string, status = "sent") {
  const sid = newSid("SM");
  await db.message.create({ data: { sid, accountSid, direction: "outbound-api", from: "+14155550000", to: "+14155550199", body: "x", status, validityPeriod: 36000, carrierSid } });
  return sid;
}

async function makeCarrier(accountSid: string) {
  return db.carrier.create({ data: { sid: newSid("CR"), accountSid, friendlyName: "smsc", type: "smpp", enabled: false, settings: {} } });
}

describe("delivery reports and parts", () => {
  it("a 3-part message is delivered only when all three parts are, whatever the order", async () => {
    const account = await makeAccount();
    const carrier = await makeCarrier(account.sid);
    const sid = await sentMessage(account.sid, carrier.sid);
    await recordSubmitting(sid, carrier.sid);
    for (const i of [0, 1, 2]) await recordPartAccepted(sid, carrier.sid, { partIndex: i, partCount: 3, carrierMessageId: `m3-${sid}-${i}` });
    expect((await applyCarrierReport(carrier.sid, `m3-${sid}-2`, { status: "delivered" })).settled).toBe("open");
    expect((await applyCarrierReport(carrier.sid, `m3-${sid}-0`, { status: "delivered" })).settled).toBe("open");
    expect((await db.message.findUniqueOrThrow({ where: { sid } })).status).toBe("sent");
    expect((await applyCarrierReport(carrier.sid, `m3-${sid}-1`, { status: "delivered" })).settled).toBe("applied");
    expect((await db.message.findUniqueOrThrow({ where: { sid } })).status).toBe("delivered");
    // A repeated report changes nothing (the part is final already).
    expect(await applyCarrierReport(carrier.sid, `m3-${sid}-1`, { status: "undelivered", errorCode: 30003 })).toEqual({ messageSid: null, settled: null });
    const parts = await db.carrierSubmission.findMany({ where: { messageSid: sid }, orderBy: { partIndex: "asc" } });
    expect(parts.map((p) => [p.partIndex, p.status])).toEqual([[0, "delivered"], [1, "delivered"], [2, "delivered"]]);
    expect(await statusesOf(sid)).toEqual(["delivered"]);
  });

  it("a report recorded but not applied (a kill between the two commits) is settled by the sweep", async () => {
    const account = await makeAccount();
    const carrier = await makeCarrier(account.sid);
    const sid = await sentMessage(account.sid, carrier.sid);
    const open = await sentMessage(account.sid, carrier.sid);
    await recordPartAccepted(sid, carrier.sid, { partIndex: 0, partCount: 1, carrierMessageId: `k-${sid}` });
    for (const i of [0, 1]) await recordPartAccepted(open, carrier.sid, { partIndex: i, partCount: 2, carrierMessageId: `k-${open}-${i}` });
    // What the killed process committed: the parts' reports, not the message's status.
    expect(await recordPartReport(carrier.sid, `k-${sid}`, { status: "undelivered", errorCode: 30003 })).toBe(sid);
    await recordPartReport(carrier.sid, `k-${open}-0`, { status: "delivered" });
    expect((await db.message.findUniqueOrThrow({ where: { sid } })).status).toBe("sent");
    // Reports younger than a few seconds are left to the live path.
    await db.carrierSubmission.updateMany({ where: { messageSid: { in: [sid, open] } }, data: { reportedAt: new Date(Date.now() - 10_000) } });
    expect(await sweepUnsettledReports()).toBeGreaterThanOrEqual(1);
    expect(await db.message.findUniqueOrThrow({ where: { sid } })).toMatchObject({ status: "undelivered", errorCode: 30003 });
    expect(await statusesOf(sid)).toEqual(["undelivered"]);
    // A message with a part still open stays sent; a second sweep changes nothing.
    expect((await db.message.findUniqueOrThrow({ where: { sid: open } })).status).toBe("sent");
    // Failed over: the refused first carrier's final row does not settle a message the second one took.
    const first = await makeCarrier(account.sid);
    await db.carrierSubmission.create({ data: { messageSid: open, carrierSid: first.sid, partIndex: 0, partCount: 1, status: "failed", errorCode: 30008, reportedAt: new Date(Date.now() - 10_000) } });
    await sweepUnsettledReports();
    expect((await db.message.findUniqueOrThrow({ where: { sid: open } })).status).toBe("sent");
    await sweepUnsettledReports();
    expect(await statusesOf(sid)).toEqual(["undelivered"]);
  });

  it("one undelivered part makes the message undelivered with that part's code; failed outranks undelivered", async () => {
    const account = await makeAccount();
    const carrier = await makeCarrier(account.sid);
    const a = await sentMessage(account.sid, carrier.sid);
    for (const i of [0, 1]) await recordPartAccepted(a, carrier.sid, { partIndex: i, partCount: 2, carrierMessageId: `u-${a}-${i}` });
    await applyCarrierReport(carrier.sid, `u-${a}-0`, { status: "delivered" });
    await applyCarrierReport(carrier.sid, `u-${a}-1`, { status: "undelivered", errorCode: 30005 });
    expect(await db.message.findUniqueOrThrow({ where: { sid: a } })).toMatchObject({ status: "undelivered", errorCode: 30005 });

    const b = await sentMessage(account.sid, carrier.sid);
    for (const i of [0, 1, 2]) await recordPartAccepted(b, carrier.sid, { partIndex: i, partCount: 3, carrierMessageId: `f-${b}-${i}` });
    await applyCarrierReport(carrier.sid, `f-${b}-0`, { status: "undelivered", errorCode: 30003 });
    await applyCarrierReport(carrier.sid, `f-${b}-1`, { status: "failed", errorCode: 30007 });
    await applyCarrierReport(carrier.sid, `f-${b}-2`, { status: "delivered" });
    expect(await db.message.findUniqueOrThrow({ where: { sid: b } })).toMatchObject({ status: "failed", errorCode: 30007 });
  });

  it("a report that arrives before its submit response is kept and matched when the id is recorded", async () => {
    const account = await makeAccount();
    const carrier = await makeCarrier(account.sid);
    const sid = await sentMessage(account.sid, carrier.sid);
    await recordSubmitting(sid, carrier.sid);
    expect(await applyCarrierReport(carrier.sid, `early-${sid}`, { status: "delivered" })).toEqual({ messageSid: null, settled: null });
    expect(await db.carrierPendingReport.count({ where: { carrierSid: carrier.sid, carrierMessageId: `early-${sid}` } })).toBe(1);
    expect(await recordPartAccepted(sid, carrier.sid, { partIndex: 0, partCount: 1, carrierMessageId: `early-${sid}` })).toBe(true);
    expect(await db.carrierPendingReport.count({ where: { carrierSid: carrier.sid } })).toBe(0);
    expect((await db.carrierSubmission.findFirstOrThrow({ where: { messageSid: sid } })).status).toBe("delivered");
  });

  it("reports and acknowledgements racing on the same ids are all matched (none lost, none pending)", async () => {
    const account = await makeAccount();
    const carrier = await makeCarrier(account.sid);
    const sids = await Promise.all(Array.from({ length: 120 }, () => sentMessage(account.sid, carrier.sid)));
    // Each pair started in either order, some reports a few ms ahead: parked, matched by whichever side runs last.
    await Promise.all(
      sids.map(async (sid, i) => {
        const ack = () => recordPartAccepted(sid, carrier.sid, { partIndex: 0, partCount: 1, carrierMessageId: `r-${sid}` });
        const report = () => applyCarrierReport(carrier.sid, `r-${sid}`, { status: "delivered" });
        if (i % 3 === 0) await Promise.all([ack(), report()]);
        else if (i % 3 === 1) await Promise.all([report(), ack()]);
        else await Promise.all([report(), new Promise((r) => setTimeout(r, i % 7)).then(ack)]);
      }),
    );
    // Whichever came first, the part is delivered; the ones acknowledged last settle through the router's check or this:
    const { settleMessage } = await import("@/lib/carriers/runtime/settle-message");
    for (const sid of sids) await settleMessage(sid, carrier.sid);
    expect(await db.carrierPendingReport.count({ where: { carrierSid: carrier.sid } })).toBe(0);
    expect(await db.carrierSubmission.count({ where: { carrierSid: carrier.sid, status: "delivered" } })).toBe(120);
    expect(await db.message.count({ where: { sid: { in: sids }, status: "delivered" } })).toBe(120);
  });

  it("the last report of a message not yet written `sent` is settled by a job once dispatch writes it", async () => {
    const account = await makeAccount();
    const carrier = await makeCarrier(account.sid);
    const sid = await sentMessage(account.sid, carrier.sid, "sending");
    await recordPartAccepted(sid, carrier.sid, { partIndex: 0, partCount: 1, carrierMessageId: `late-${sid}` });
    expect((await applyCarrierReport(carrier.sid, `late-${sid}`, { status: "delivered" })).settled).toBe("early");
    await new Promise((r) => setTimeout(r, 300));
    await transitionMessage(sid, ["sending"], "sent");
    const done = await waitFor(async () => {
      const m = await db.message.findUniqueOrThrow({ where: { sid } });
      return m.status === "delivered" ? m : undefined;
    }, 15_000);
    expect(done.status).toBe("delivered");
  });

  it("applies the final status when dispatch's `sent` commits between the report's failed apply and its status read", async () => {
    const account = await makeAccount();
    const carrier = await makeCarrier(account.sid);
    const sid = await sentMessage(account.sid, carrier.sid, "sending");
    await recordPartAccepted(sid, carrier.sid, { partIndex: 0, partCount: 1, carrierMessageId: `race-${sid}` });
    // Dispatch's write, landing right after the apply's UPDATE found the message still `sending` (the race the
    // SMPP fault test caught: the message was left `sent` with every part delivered, nothing left to settle it).
    await db.$executeRawUnsafe(`CREATE FUNCTION race_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF pg_trigger_depth() = 1 THEN UPDATE messages SET status = 'sent' WHERE sid = '${sid}' AND status = 'sending'; END IF; RETURN NULL; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER race_sent AFTER UPDATE ON messages FOR EACH STATEMENT EXECUTE FUNCTION race_sent()`);
    try {
      expect((await applyCarrierReport(carrier.sid, `race-${sid}`, { status: "delivered" })).settled).toBe("applied");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER race_sent ON messages`);
      await db.$executeRawUnsafe(`DROP FUNCTION race_sent()`);
    }
    expect((await db.message.findUniqueOrThrow({ where: { sid } })).status).toBe("delivered");
  });
});
