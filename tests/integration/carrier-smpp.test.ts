import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMPP_DEFAULTS } from "@/lib/carriers/carrier-settings";
import { freeLoopbackPort, startFrontServer, type FrontServer } from "@/lib/server/api/front-server";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { carrierSecretPurpose, sealSecret } from "@/lib/server/secrets/secret-box";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { startSmsc, type Smsc } from "@/tests/smsc/start-smsc";
import { addLongCode, finalMessage, makeAccount, makeService, startReceiver, statusesOf, waitFor } from "./pipeline-fixtures";

/**
 * The carrier runtime against real SMSCs: Debian's Net::SMPP driven by
 * tests/smsc/net-smpp-smsc.pl (two of them for failover). Each test binds
 * with its own system_id, so an MO injected for one test's carrier reaches
 * that carrier only. SMSC ports: 27800-27849; API front server: 3553.
 */
process.env.SECRETS_KEY = "carrier-smpp-test";
process.env.CARRIER_READY_WAIT_MS = "500";

const IDS = ["e2e", "parts", "early", "mo", "fo1", "fo2", "perm1", "perm2"];
let smscA: Smsc;
let smscB: Smsc;
let front: FrontServer;
let workers: PipelineWorkers;

beforeAll(async () => {
  const accounts = Object.fromEntries(IDS.map((id) => [id, "secret"]));
  smscA = await startSmsc({ portRange: [27800, 27823], accounts });
  smscB = await startSmsc({ portRange: [27824, 27849], accounts });
  front = await startFrontServer({ port: 3553, host: "127.0.0.1", nextPort: await freeLoopbackPort() });
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 8 });
});

afterAll(async () => {
  await workers.stop();
  await front.stop();
  await smscA.stop();
  await smscB.stop();
});

async function addSmppCarrier(accountSid: string, smsc: Smsc, systemId: string, password = "secret", extra: { isDefault?: boolean } = {}) {
  const sid = newSid("CR");
  return db.carrier.create({
    data: {
      sid,
      accountSid,
      friendlyName: `smsc ${systemId}`,
      type: "smpp",
      isDefault: extra.isDefault ?? false,
      settings: JSON.parse(JSON.stringify({ type: "smpp", ...SMPP_DEFAULTS, host: smsc.host, port: smsc.port, systemId, throughput: 200 })) as object,
      secret: sealSecret(password, carrierSecretPurpose(sid)),
    },
  });
}

const bound = (carrierSid: string) => waitFor(async () => (await db.carrierBind.findFirst({ where: { carrierSid, state: "bound" } })) ?? undefined);

/** An account with a long code bound to a new SMPP carrier. */
async function numberOn(smsc: Smsc, systemId: string) {
  const account = await makeAccount();
  const carrier = await addSmppCarrier(account.sid, smsc, systemId);
  const number = await addLongCode(account.sid, null);
  await db.phoneNumber.update({ where: { sid: number.sid }, data: { carrierSid: carrier.sid } });
  await bound(carrier.sid);
  return { account, carrier, number };
}

describe("SMPP carriers through the pipeline", () => {
  it("end to end through the API: submit_sm to the SMSC, its receipt makes the message delivered", async () => {
    const { account, carrier, number } = await numberOn(smscA, "e2e");
    const res = await fetch(`http://127.0.0.1:${front.port}/2010-04-01/Accounts/${account.sid}/Messages.json`, {
      method: "POST",
      headers: { authorization: "Basic " + Buffer.from(`${account.sid}:${account.authToken}`).toString("base64"), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ From: number.phoneNumber, To: "+14155550161", Body: "hello over SMPP" }).toString(),
    });
    expect(res.status).toBe(201);
    const { sid } = (await res.json()) as { sid: string };
    const done = await finalMessage(sid);
    expect(done).toMatchObject({ status: "delivered", carrierSid: carrier.sid });
    expect(await statusesOf(sid)).toEqual(["queued", "sending", "sent", "delivered"]);
    const submit = smscA.submits().find((s) => s.systemId === "e2e" && s.destAddr === "14155550161");
    expect(submit).toMatchObject({ sourceAddr: number.phoneNumber.slice(1), registeredDelivery: 1, status: 0 });
    const sub = await db.carrierSubmission.findFirstOrThrow({ where: { messageSid: sid } });
    expect(sub).toMatchObject({ carrierSid: carrier.sid, carrierMessageId: submit?.messageId, status: "delivered", partCount: 1 });
  });

  it("a 3-part message: three submit_sm, three receipts, one final status", async () => {
    const { account, carrier, number } = await numberOn(smscA, "parts");
    const body = "Part of a long message. ".repeat(16).trim(); // 383 GSM-7 characters: 3 segments
    const created = await createMessage(account.sid, { from: number.phoneNumber, to: "+14155550162", body });
    const done = await finalMessage(created.sid);
    expect(done).toMatchObject({ status: "delivered", carrierSid: carrier.sid });
    const parts = await db.carrierSubmission.findMany({ where: { messageSid: created.sid }, orderBy: { partIndex: "asc" } });
    expect(parts.map((p) => [p.partIndex, p.partCount, p.status])).toEqual([[0, 3, "delivered"], [1, 3, "delivered"], [2, 3, "delivered"]]);
    expect(new Set(parts.map((p) => p.carrierMessageId)).size).toBe(3);
    expect(smscA.submits().filter((s) => s.systemId === "parts").length).toBe(3);
    expect((await statusesOf(created.sid)).filter((s) => s === "delivered")).toHaveLength(1);
  });

  it("a 3-part message with one undelivered part is undelivered with that receipt's code", async () => {
    const { account, number } = await numberOn(smscA, "parts");
    await smscA.control({ cmd: "rule", prefix: "14155550163", stat: "UNDELIV", err: "001" });
    const created = await createMessage(account.sid, { from: number.phoneNumber, to: "+14155550163", body: "Undeliverable long message. ".repeat(14).trim() });
    const done = await finalMessage(created.sid);
    expect(done.status).toBe("undelivered");
    expect(done.errorCode).toBeGreaterThanOrEqual(30003);
    expect(await db.carrierSubmission.count({ where: { messageSid: created.sid, status: "undelivered" } })).toBe(3);
  });

  it("a receipt that arrives before its submit_sm_resp is still matched", async () => {
    const { account, number } = await numberOn(smscA, "early");
    await smscA.control({ cmd: "dlr_first", count: 1 });
    const created = await createMessage(account.sid, { from: number.phoneNumber, to: "+14155550164", body: "early receipt" });
    expect(await finalMessage(created.sid)).toMatchObject({ status: "delivered" });
    expect(await db.carrierPendingReport.count()).toBe(0);
  });

  it("MO and concatenated MO enter the inbound pipeline: stored and the webhook called", async () => {
    const receiver = await startReceiver();
    try {
      const { account, number } = await numberOn(smscA, "mo");
      await db.phoneNumber.update({ where: { sid: number.sid }, data: { smsUrl: receiver.url } });
      const to = number.phoneNumber.slice(1);
      await smscA.control({ cmd: "mo", systemId: "mo", from: "14155550165", to, text: "single MO" });
      const long = "Concatenated mobile-originated text, sent in parts. ".repeat(5).trim();
      await smscA.control({ cmd: "mo", systemId: "mo", from: "14155550166", to, text: long, split: "udh8", reverse: true });
      const stored = await waitFor(async () => {
        const rows = await db.message.findMany({ where: { accountSid: account.sid, direction: "inbound" }, orderBy: { createdAt: "asc" } });
        return rows.length >= 2 ? rows : undefined;
      });
      expect(stored.map((m) => [m.from, m.body]).sort()).toEqual([["+14155550165", "single MO"], ["+14155550166", long]]);
      await waitFor(async () => receiver.received.length >= 2);
      expect(receiver.received.map((r) => r.params.Body).sort()).toEqual([long, "single MO"].sort());
    } finally {
      await receiver.close();
    }
  });

  it("failover: a carrier refusing with a temporary error hands the message to the next one in the route (two SMSCs)", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid);
    const first = await addSmppCarrier(account.sid, smscA, "fo1");
    const second = await addSmppCarrier(account.sid, smscB, "fo2");
    await db.carrierRoute.create({ data: { sid: newSid("CQ"), accountSid: account.sid, prefix: "+1415555017", carrierSids: [first.sid, second.sid] } });
    await bound(first.sid);
    await bound(second.sid);
    await smscA.control({ cmd: "rule", prefix: "1415555017", submitStatus: 0x08 }); // ESME_RSYSERR: temporary
    const created = await createMessage(account.sid, { messagingServiceSid: service.sid, to: "+14155550171", body: "fail me over" });
    const done = await finalMessage(created.sid);
    expect(done).toMatchObject({ status: "delivered", carrierSid: second.sid });
    const trace = (done.routingTrace as { trace: string[] }).trace;
    expect(trace.some((l) => l.startsWith(`carrier: ${first.sid} refused`) && l.includes("(temporary), next carrier"))).toBe(true);
    expect(smscB.submits().filter((s) => s.systemId === "fo2" && s.destAddr === "14155550171")).toHaveLength(1);
    expect(smscA.submits().filter((s) => s.systemId === "fo1" && s.destAddr === "14155550171" && s.status === 0)).toHaveLength(0);
  });

  it("a permanent refusal is never failed over", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid);
    const first = await addSmppCarrier(account.sid, smscA, "perm1");
    const second = await addSmppCarrier(account.sid, smscB, "perm2");
    await db.carrierRoute.create({ data: { sid: newSid("CQ"), accountSid: account.sid, prefix: "+1415555018", carrierSids: [first.sid, second.sid] } });
    await bound(first.sid);
    await bound(second.sid);
    await smscA.control({ cmd: "rule", prefix: "1415555018", submitStatus: 0x0b }); // ESME_RINVDSTADR: permanent
    const created = await createMessage(account.sid, { messagingServiceSid: service.sid, to: "+14155550181", body: "nope" });
    expect(await finalMessage(created.sid)).toMatchObject({ status: "failed", errorCode: 30005, carrierSid: first.sid });
    expect(smscB.submits().filter((s) => s.destAddr === "14155550181")).toHaveLength(0);
  });

  it("wrong credentials: carrier state `error` with the bind refusal, and its message fails (30008) instead of queueing", async () => {
    const account = await makeAccount();
    const carrier = await addSmppCarrier(account.sid, smscB, "e2e", "wrong-password", { isDefault: true });
    const number = await addLongCode(account.sid, null);
    const bind = await waitFor(async () => (await db.carrierBind.findFirst({ where: { carrierSid: carrier.sid, state: "error" } })) ?? undefined);
    expect(bind.lastError).toMatch(/password|bind/i);
    const created = await createMessage(account.sid, { from: number.phoneNumber, to: "+14155550191", body: "stuck?" });
    const done = await finalMessage(created.sid);
    expect(done).toMatchObject({ status: "failed", errorCode: 30008 });
    expect(done.errorMessage).toContain(`${carrier.sid} not bound`);
    expect((done.routingTrace as { trace: string[] }).trace[0]).toBe(`carrier: account default ${carrier.sid}`);
  });
});
