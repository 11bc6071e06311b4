import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twilioSignature } from "@/lib/server/webhooks/signature";
import { freeLoopbackPort, startFrontServer, type FrontServer } from "@/lib/server/api/front-server";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { carrierSecretPurpose, sealSecret } from "@/lib/server/secrets/secret-box";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addLongCode, finalMessage, makeAccount, makeService, waitFor } from "./pipeline-fixtures";

/**
 * The HTTP upstream against a real Switchyard upstream: the front server
 * (which answers POST Messages.json itself) on this test's database, with
 * another account as the upstream account. Its status callbacks come back
 * to our /carriers/<CR>/StatusCallback handler, served here by node:http
 * calling the route handler (Next is not needed for a route handler).
 * Ports from this engineer's range (docs: 3500-3599).
 */
const UPSTREAM_PORT = 3550;
const CALLBACK_PORT = 3551;
const CLOSED_PORT = 3598;
process.env.SECRETS_KEY = "carrier-http-upstream-test";
process.env.PUBLIC_BASE_URL = `http://127.0.0.1:${CALLBACK_PORT}`;
process.env.CARRIER_READY_WAIT_MS = "500";

let upstream: FrontServer;
let callbacks: http.Server;
let workers: PipelineWorkers;

async function serveRoute(req: http.IncomingMessage, res: http.ServerResponse) {
  const m = /^\/carriers\/([^/]+)\/(StatusCallback|Inbound)$/.exec(req.url ?? "");
  if (!m) return void res.writeHead(404).end();
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const mod = m[2] === "Inbound" ? await import("@/app/carriers/[carrierSid]/Inbound/route") : await import("@/app/carriers/[carrierSid]/StatusCallback/route");
  const request = new Request(`http://127.0.0.1:${CALLBACK_PORT}${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
  const answer = await mod.POST(request, { params: Promise.resolve({ carrierSid: m[1] as string }) });
  res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
}

beforeAll(async () => {
  upstream = await startFrontServer({ port: UPSTREAM_PORT, host: "127.0.0.1", nextPort: await freeLoopbackPort() });
  callbacks = http.createServer((req, res) => void serveRoute(req, res).catch((e) => res.writeHead(500).end(String(e))));
  await new Promise<void>((r) => callbacks.listen(CALLBACK_PORT, "127.0.0.1", r));
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 8 });
});

afterAll(async () => {
  await workers.stop();
  await upstream.stop();
  await new Promise((r) => callbacks.close(r));
});

async function addCarrier(accountSid: string, opts: { upstreamSid: string; token: string; baseUrl?: string; isDefault?: boolean }) {
  const sid = newSid("CR");
  return db.carrier.create({
    data: {
      sid,
      accountSid,
      friendlyName: "upstream " + sid.slice(-4),
      type: "twilio",
      isDefault: opts.isDefault ?? false,
      settings: { type: "twilio", baseUrl: opts.baseUrl ?? `http://127.0.0.1:${UPSTREAM_PORT}`, accountSid: opts.upstreamSid },
      secret: sealSecret(opts.token, carrierSecretPurpose(sid)),
    },
  });
}

const bindOf = (carrierSid: string) => db.carrierBind.findFirst({ where: { carrierSid } });

/** An account whose service sends from the alpha sender ACME (no carrier of its own: prefix routes decide). */
async function alphaAccount() {
  const account = await makeAccount();
  const service = await makeService(account.sid);
  await db.alphaSender.create({ data: { sid: newSid("AI"), accountSid: account.sid, serviceSid: service.sid, alphaSender: "ACME" } });
  return { account, service };
}

/** The upstream's side: its own account, and ACME as one of its senders. */
async function upstreamAccount() {
  const account = await makeAccount();
  const service = await makeService(account.sid);
  await db.alphaSender.create({ data: { sid: newSid("AI"), accountSid: account.sid, serviceSid: service.sid, alphaSender: "ACME" } });
  return account;
}

describe("HTTP upstream (a Switchyard upstream)", () => {
  it("fails over from an unreachable carrier to the next in the route; the upstream's callbacks deliver the message", async () => {
    const up = await upstreamAccount();
    const { account, service } = await alphaAccount();
    const down = await addCarrier(account.sid, { upstreamSid: up.sid, token: up.authToken, baseUrl: `http://127.0.0.1:${CLOSED_PORT}` });
    const good = await addCarrier(account.sid, { upstreamSid: up.sid, token: up.authToken });
    await db.carrierRoute.create({ data: { sid: newSid("CQ"), accountSid: account.sid, prefix: "+44", carrierSids: [down.sid, good.sid] } });
    await waitFor(async () => (await bindOf(good.sid))?.state === "bound");
    await waitFor(async () => (await bindOf(down.sid))?.lastError?.includes("unreachable"));

    const created = await createMessage(account.sid, { messagingServiceSid: service.sid, to: "+447911123401", body: "through the upstream" });
    const done = await finalMessage(created.sid);
    expect(done).toMatchObject({ status: "delivered", carrierSid: good.sid, from: "ACME" });
    const trace = (done.routingTrace as { trace: string[] }).trace;
    expect(trace).toContain(`carrier: route +44 → ${down.sid}, ${good.sid}`);
    expect(trace.some((l) => l.startsWith(`carrier: ${down.sid} not bound`) && l.endsWith("next carrier"))).toBe(true);
    // Upstream side: one message, created under our SID as idempotency key, from ACME.
    const sub = await db.carrierSubmission.findFirstOrThrow({ where: { messageSid: created.sid, carrierSid: good.sid } });
    expect(sub.status).toBe("delivered");
    const theirs = await db.message.findUniqueOrThrow({ where: { sid: sub.carrierMessageId as string } });
    expect(theirs).toMatchObject({ accountSid: up.sid, from: "ACME", to: "+447911123401", body: "through the upstream", status: "delivered", statusCallback: `http://127.0.0.1:${CALLBACK_PORT}/carriers/${good.sid}/StatusCallback` });
    // The first carrier's placeholder (written before the rate slot) is closed, nothing was handed to it.
    await waitFor(async () => (await db.carrierSubmission.findFirst({ where: { messageSid: created.sid, carrierSid: down.sid } }))?.status === "failed");
    expect(await db.carrierSubmission.count({ where: { messageSid: created.sid, carrierSid: down.sid, carrierMessageId: { not: null } } })).toBe(0);
  });

  it("an upstream's undelivered report makes the message undelivered with its code", async () => {
    const up = await upstreamAccount();
    const { account, service } = await alphaAccount();
    const { setSimRule } = await import("@/lib/server/simulator/sim-rules");
    await setSimRule(up.sid, { prefix: "+447911123402", outcome: "undelivered", errorCode: 30005 });
    const good = await addCarrier(account.sid, { upstreamSid: up.sid, token: up.authToken, isDefault: true });
    await waitFor(async () => (await bindOf(good.sid))?.state === "bound");
    const created = await createMessage(account.sid, { messagingServiceSid: service.sid, to: "+447911123402", body: "no handset" });
    expect(await finalMessage(created.sid)).toMatchObject({ status: "undelivered", errorCode: 30005, carrierSid: good.sid });
  });

  it("wrong credentials: the carrier shows `error` with the reason, and its message fails at once (30008) instead of queueing", async () => {
    const up = await upstreamAccount();
    const account = await makeAccount();
    const bad = await addCarrier(account.sid, { upstreamSid: up.sid, token: "0".repeat(32) });
    const number = await addLongCode(account.sid, null);
    await db.phoneNumber.update({ where: { sid: number.sid }, data: { carrierSid: bad.sid } });
    const bind = await waitFor(async () => {
      const b = await bindOf(bad.sid);
      return b?.state === "error" ? b : undefined;
    });
    expect(bind.lastError).toContain(`upstream refused the credentials of ${up.sid} (HTTP 401`);
    const created = await createMessage(account.sid, { from: number.phoneNumber, to: "+14155550123", body: "nowhere to go" });
    const done = await finalMessage(created.sid);
    expect(done).toMatchObject({ status: "failed", errorCode: 30008 });
    expect(done.errorMessage).toContain("refused the credentials");
    expect((done.routingTrace as { trace: string[] }).trace[0]).toBe(`carrier: sender bound to ${bad.sid}`);
  });

  it("a permanent refusal fails the message without failing over", async () => {
    const up = await upstreamAccount(); // has ACME, but not the number we send from
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid);
    const first = await addCarrier(account.sid, { upstreamSid: up.sid, token: up.authToken });
    const second = await addCarrier(account.sid, { upstreamSid: up.sid, token: up.authToken });
    await db.carrierRoute.create({ data: { sid: newSid("CQ"), accountSid: account.sid, prefix: "+1", carrierSids: [first.sid, second.sid] } });
    await waitFor(async () => (await bindOf(first.sid))?.state === "bound" && (await bindOf(second.sid))?.state === "bound");
    const created = await createMessage(account.sid, { messagingServiceSid: service.sid, to: "+14155550124", body: "not theirs" });
    const done = await finalMessage(created.sid);
    expect(done).toMatchObject({ status: "failed", errorCode: 21606, carrierSid: first.sid });
    expect(await db.carrierSubmission.count({ where: { messageSid: created.sid, carrierSid: second.sid } })).toBe(0);
  });

  it("no usable carrier: a route to disabled carriers only fails the message with 30008", async () => {
    const up = await upstreamAccount();
    const { account, service } = await alphaAccount();
    const off = await addCarrier(account.sid, { upstreamSid: up.sid, token: up.authToken });
    await db.carrier.update({ where: { sid: off.sid }, data: { enabled: false } });
    await addCarrier(account.sid, { upstreamSid: up.sid, token: up.authToken }); // enabled, not in the route, not default
    await db.carrierRoute.create({ data: { sid: newSid("CQ"), accountSid: account.sid, prefix: "+44", carrierSids: [off.sid] } });
    await new Promise((r) => setTimeout(r, 2_500)); // the registry's next reconcile
    const created = await createMessage(account.sid, { messagingServiceSid: service.sid, to: "+447911123403", body: "x" });
    const done = await finalMessage(created.sid);
    expect(done).toMatchObject({ status: "failed", errorCode: 30008 });
    expect(done.errorMessage).toContain("No usable carrier");
  });
});

describe("upstream endpoints verify X-Twilio-Signature", () => {
  it("inbound: a signed webhook enters our inbound pipeline; a bad signature or another carrier's URL is refused", async () => {
    const up = await upstreamAccount();
    const account = await makeAccount();
    const carrier = await addCarrier(account.sid, { upstreamSid: up.sid, token: up.authToken });
    const number = await addLongCode(account.sid, null);
    const url = `http://127.0.0.1:${CALLBACK_PORT}/carriers/${carrier.sid}/Inbound`;
    const params = { MessageSid: newSid("SM"), AccountSid: up.sid, From: "+14155550999", To: number.phoneNumber, Body: "hello from a handset", NumMedia: "0" };
    const post = (sig: string, to = url) => fetch(to, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": sig }, body: new URLSearchParams(params).toString() });

    expect((await post("bad")).status).toBe(403);
    const otherCarrier = await addCarrier(account.sid, { upstreamSid: up.sid, token: "f".repeat(32) });
    expect((await post(twilioSignature(up.authToken, url), url.replace(carrier.sid, otherCarrier.sid))).status).toBe(403);
    expect((await post("x", url.replace(carrier.sid, newSid("CR")))).status).toBe(404);
    expect(await db.message.count({ where: { accountSid: account.sid, direction: "inbound" } })).toBe(0);

    const ok = await post(twilioSignature(up.authToken, url, params));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("<Response></Response>");
    const stored = await db.message.findFirstOrThrow({ where: { accountSid: account.sid, direction: "inbound" } });
    expect(stored).toMatchObject({ from: "+14155550999", to: number.phoneNumber, body: "hello from a handset", status: "received" });
    await waitFor(async () => (await db.inboundHandling.findUnique({ where: { messageSid: stored.sid } }))?.completedAt);
  });
});
