import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSimRule } from "@/lib/server/simulator/sim-rules";
import { db } from "@/lib/server/db/client";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { AppError } from "@/lib/server/errors";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addChannelSender } from "@/lib/server/services/sender-pool/add-channel-sender";
import { addLongCode, finalMessage, makeAccount, makeService, startReceiver, statusesOf, waitFor } from "./pipeline-fixtures";

let workers: PipelineWorkers[] = [];

beforeAll(async () => {
  const url = process.env.DATABASE_URL as string;
  // Two worker pools in this process: they share the queue like two processes would.
  workers = [await startPipelineWorkers({ connectionString: url, concurrency: 8 }), await startPipelineWorkers({ connectionString: url, concurrency: 8 })];
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
});

const final = finalMessage;

describe("send pipeline through the simulator", () => {
  it("service send: accepted -> queued -> sending -> sent -> delivered, signed callbacks for each change", async () => {
    const account = await makeAccount();
    const receiver = await startReceiver();
    try {
      const service = await makeService(account.sid, { statusCallback: receiver.url });
      const number = await addLongCode(account.sid, service.sid);
      const created = await createMessage(account.sid, { to: "+14155550111", messagingServiceSid: service.sid, body: "hello" });
      expect(created.status).toBe("accepted");
      const done = await final(created.sid);
      expect(done.status).toBe("delivered");
      expect(done.from).toBe(number.phoneNumber);
      expect(await statusesOf(created.sid)).toEqual(["accepted", "queued", "sending", "sent", "delivered"]);
      await waitFor(async () => receiver.received.length >= 4);
      const statuses = receiver.received.map((r) => r.params.MessageStatus).sort();
      expect(statuses).toEqual(["delivered", "queued", "sending", "sent"]);
      for (const r of receiver.received) {
        expect(twilio.validateRequest(account.authToken, String(r.headers["x-twilio-signature"]), receiver.url, r.params)).toBe(true);
        expect(r.params).toMatchObject({ MessageSid: created.sid, SmsSid: created.sid, AccountSid: account.sid, To: "+14155550111", From: number.phoneNumber, ApiVersion: "2010-04-01", MessagingServiceSid: service.sid });
      }
      const sim = await db.simDelivery.findUnique({ where: { messageSid: created.sid } });
      expect(sim).toMatchObject({ to: "+14155550111", from: number.phoneNumber, body: "hello", submitCount: 1 });
      // The statuses are written after the hand-off in one statement, each with the time it happened:
      // in order, and `sending` (the hand-off) no later than the carrier's receipt.
      const events = await db.messageEvent.findMany({ where: { messageSid: created.sid }, orderBy: { id: "asc" } });
      const times = events.map((e) => e.createdAt.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(events.find((e) => e.status === "sending")?.createdAt.getTime()).toBeLessThanOrEqual(sim?.receivedAt.getTime() as number);
      expect(done.dateSent?.getTime()).toBeGreaterThanOrEqual(times[0] as number);
      const sticky = await db.stickyMapping.findFirst({ where: { serviceSid: service.sid, recipient: "+14155550111" } });
      expect(sticky?.senderSid).toBe(number.sid);
    } finally {
      await receiver.close();
    }
  });

  it("simulator rules: undelivered with ErrorCode in the callback; retries a failing callback", async () => {
    const account = await makeAccount();
    const receiver = await startReceiver({ failFirst: 1 });
    try {
      const number = await addLongCode(account.sid, null);
      await setSimRule(account.sid, { prefix: "+1415555", outcome: "undelivered", errorCode: 30005 });
      const created = await createMessage(account.sid, { to: "+14155550122", from: number.phoneNumber, body: "x", statusCallback: receiver.url });
      expect(created.status).toBe("queued");
      const done = await final(created.sid);
      expect(done).toMatchObject({ status: "undelivered", errorCode: 30005 });
      const undelivered = await waitFor(async () => receiver.received.find((r) => r.params.MessageStatus === "undelivered"));
      expect(undelivered.params.ErrorCode).toBe("30005");
      // sending, sent, undelivered: one of them failed once and was retried with backoff.
      await waitFor(async () => receiver.received.length >= 3, 30_000);
      // The row is updated after the receiver answered: wait for the last write.
      const rows = await waitFor(async () => {
        const r = await db.statusCallback.findMany({ where: { messageSid: created.sid } });
        return r.length === 3 && r.every((x) => x.deliveredAt !== null) ? r : undefined;
      });
      expect(rows.map((r) => r.status).sort()).toEqual(["sending", "sent", "undelivered"]);
      expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(4);
    } finally {
      await receiver.close();
    }
  });

  it("validity period: a message still waiting for its slot after ValidityPeriod fails with 30036 and a callback", async () => {
    const account = await makeAccount();
    const receiver = await startReceiver();
    try {
      const number = await addLongCode(account.sid, null, { mps: 1 });
      const sids: string[] = [];
      for (let i = 0; i < 3; i++) sids.push((await createMessage(account.sid, { to: "+14155550133", from: number.phoneNumber, body: `v${i}`, validityPeriod: 1, statusCallback: receiver.url })).sid);
      const results = await Promise.all(sids.map(final));
      const expired = results.filter((m) => m.status === "failed");
      expect(results.filter((m) => m.status === "delivered")).toHaveLength(1);
      expect(expired.length).toBe(2);
      for (const m of expired) expect(m.errorCode).toBe(30036);
      await waitFor(async () => receiver.received.filter((r) => r.params.MessageStatus === "failed").length === 2);
      expect(receiver.received.filter((r) => r.params.MessageStatus === "failed").every((r) => r.params.ErrorCode === "30036")).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it("MPS: 6 messages through one 1-mps long code reach the carrier at least ~1 s apart", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid);
    const sids = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createMessage(account.sid, { to: `+1415555014${i}`, messagingServiceSid: service.sid, body: `m${i}` }).then((m) => m.sid)),
    );
    await Promise.all(sids.map(final));
    const got = await db.simDelivery.findMany({ where: { accountSid: account.sid }, orderBy: { receivedAt: "asc" } });
    expect(got).toHaveLength(6);
    for (let i = 1; i < got.length; i++) {
      const gap = got[i]!.receivedAt.getTime() - got[i - 1]!.receivedAt.getTime();
      expect(gap).toBeGreaterThanOrEqual(990);
    }
  }, 30_000);

  it("opt-out checked again at dispatch; scheduled message canceled before SendAt", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid);
    await db.optOut.create({ data: { serviceSid: service.sid, recipient: "+14155550150", source: "api" } });
    await expect(createMessage(account.sid, { to: "+14155550150", messagingServiceSid: service.sid, body: "x" })).rejects.toMatchObject({ code: 21610 });
    const m = await createMessage(account.sid, { to: "+14155550151", messagingServiceSid: service.sid, body: "later" });
    await db.optOut.create({ data: { serviceSid: service.sid, recipient: "+14155550151", source: "api" } }).catch(() => undefined);
    const done = await final(m.sid);
    // Either the worker saw the opt-out (21610) or it had already sent the message.
    expect(["failed", "delivered"]).toContain(done.status);
    if (done.status === "failed") expect(done.errorCode).toBe(21610);
  });

  it("FallbackFrom: stored, honoured by the routing core for RCS, 21212 for a sender outside the pool or without a service", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const a = await addLongCode(account.sid, service.sid);
    const b = await addLongCode(account.sid, service.sid);
    await addChannelSender(account.sid, service.sid, { sender: `rcs:agent_${service.sid.slice(2, 12)}`, countries: ["US"] });
    await setSimRule(account.sid, { prefix: "+1415555", outcome: "delivered", rcsCapable: true });

    const chosen = await createMessage(account.sid, { to: "+14155550177", messagingServiceSid: service.sid, body: "rcs first", fallbackFrom: b.phoneNumber });
    expect((await db.message.findUniqueOrThrow({ where: { sid: chosen.sid } })).fallbackFrom).toBe(b.phoneNumber);
    const done = await final(chosen.sid);
    expect(done.status).toBe("delivered");
    expect(done.from).toMatch(/^rcs:/);
    expect(done.routingTrace).toMatchObject({ fallbackFrom: b.phoneNumber });
    expect(JSON.stringify(done.routingTrace)).not.toContain(a.phoneNumber);

    // Not a sender of the pool: the core refuses it at dispatch, the message fails with 21212.
    const outside = await createMessage(account.sid, { to: "+14155550178", messagingServiceSid: service.sid, body: "x", fallbackFrom: "+14155550999" });
    expect(await final(outside.sid)).toMatchObject({ status: "failed", errorCode: 21212 });

    // Without a service there is no pool to fall back in: refused at create, nothing stored.
    const before = await db.message.count({ where: { accountSid: account.sid } });
    const err = await createMessage(account.sid, { to: "+14155550179", from: a.phoneNumber, body: "x", fallbackFrom: b.phoneNumber }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(21212);
    expect(await db.message.count({ where: { accountSid: account.sid } })).toBe(before);
  });
});
