import http from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { handleInboundMessage } from "@/lib/server/services/inbound/handle-inbound-message";
import { receiveInboundMessage } from "@/lib/server/services/messages/receive-inbound-message";
import { addLongCode, makeAccount, makeService, uniqueUsNumber, waitFor } from "./pipeline-fixtures";

interface Hit {
  method: string;
  /** Full URL as requested (what Twilio signs). */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** POST body params, or the query params of a GET. */
  params: Record<string, string>;
}
type Answer = { status?: number; body?: string; delayMs?: number };

/** An application's webhook: records requests and answers with `answer(n)` (n = 0-based request count). */
async function startApp(initial: (n: number) => Answer = () => ({ body: "<Response/>" })) {
  const hits: Hit[] = [];
  const app = { answer: initial };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", () => {
      const url = `http://127.0.0.1:${port}${req.url}`;
      const params = req.method === "GET" ? Object.fromEntries(new URL(url).searchParams) : Object.fromEntries(new URLSearchParams(raw));
      const a = app.answer(hits.length);
      hits.push({ method: req.method ?? "", url, headers: req.headers, params });
      setTimeout(() => {
        if (!res.writableEnded && !res.destroyed) res.writeHead(a.status ?? 200, { "content-type": "text/xml" }).end(a.body ?? "");
      }, a.delayMs ?? 0);
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(app, {
    url: (path = "/sms") => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  });
}

/** A port nothing listens on (connection refused). */
async function deadUrl(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}/down`;
}

const handled = (sid: string) =>
  waitFor(async () => {
    const h = await db.inboundHandling.findUnique({ where: { messageSid: sid } });
    return h?.completedAt ? h : undefined;
  }, 40_000);

const signed = (token: string, hit: Hit) =>
  twilio.validateRequest(token, String(hit.headers["x-twilio-signature"]), hit.url, hit.method === "GET" ? {} : hit.params);

let workers: PipelineWorkers;
beforeAll(async () => {
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 8 });
});
afterAll(async () => {
  await workers.stop();
});

async function setup(service: Parameters<typeof makeService>[1] & Record<string, unknown> = {}, number: { smsUrl?: string; smsMethod?: string } = {}) {
  const account = await makeAccount();
  const svc = await makeService(account.sid);
  await db.service.update({ where: { sid: svc.sid }, data: service });
  const pn = await addLongCode(account.sid, svc.sid);
  await db.phoneNumber.update({ where: { sid: pn.sid }, data: number });
  return { account, service: svc, number: pn.phoneNumber };
}

describe("inbound: storing and enqueuing", () => {
  it("stores the message as received and its handling row in the same statement", async () => {
    const { account, number } = await setup();
    const m = await receiveInboundMessage({ from: "+14155550100", to: number, body: "hi" }, { accountSid: account.sid });
    expect(m).toMatchObject({ direction: "inbound", status: "received", from: "+14155550100", to: number });
    const job = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${"inbound:" + m.sid}`;
    const h = await handled(m.sid);
    // no webhook anywhere (defer, number without SmsUrl): handled as "none" with the reason
    expect(h).toMatchObject({ outcome: "none", keywordDone: true, optOutType: null });
    expect(h.lastError).toMatch(/no webhook/);
    expect(Number(job[0]?.n ?? 0)).toBeLessThanOrEqual(1);
  });

  it("refuses a To of another account and stores nothing", async () => {
    const a = await setup();
    const b = await makeAccount();
    await expect(receiveInboundMessage({ from: "+14155550100", to: a.number, body: "x" }, { accountSid: b.sid })).rejects.toMatchObject({ status: 404 });
    expect(await db.message.count({ where: { to: a.number } })).toBe(0);
  });
});

describe("inbound: defer to the sender's webhook", () => {
  it("POSTs the contract's params to the number's SmsUrl, signed; the service URL is not used", async () => {
    const app = await startApp();
    const svcApp = await startApp();
    try {
      const { account, service, number } = await setup({ incomingHandling: "defer", inboundRequestUrl: svcApp.url() }, { smsUrl: app.url("/sms?src=number"), smsMethod: "POST" });
      const m = await receiveInboundMessage({ from: "+14155550100", to: number, body: "Hello there", mediaUrls: ["https://media.test/cat.jpg"] });
      const h = await handled(m.sid);
      expect(h).toMatchObject({ outcome: "webhook", url: app.url("/sms?src=number"), method: "POST", responseStatus: 200, attempts: 1, replies: 0 });
      expect(app.hits).toHaveLength(1);
      expect(svcApp.hits).toHaveLength(0);
      const hit = app.hits[0] as Hit;
      expect(hit.method).toBe("POST");
      expect(hit.params).toEqual({
        MessageSid: m.sid,
        SmsSid: m.sid,
        SmsMessageSid: m.sid,
        AccountSid: account.sid,
        MessagingServiceSid: service.sid,
        From: "+14155550100",
        To: number,
        Body: "Hello there",
        NumMedia: "1",
        NumSegments: "1",
        MediaUrl0: "https://media.test/cat.jpg",
        MediaContentType0: "image/jpeg",
        SmsStatus: "received",
        ApiVersion: "2010-04-01",
        FromCountry: "US",
        FromState: "CA",
        ToCountry: "US",
        ToState: "CA",
      });
      expect(signed(account.authToken, hit)).toBe(true);
      expect(twilio.validateRequest("wrong-token", String(hit.headers["x-twilio-signature"]), hit.url, hit.params)).toBe(false);
    } finally {
      await app.close();
      await svcApp.close();
    }
  });

  it("GET puts the params in the query string and signs the full URL", async () => {
    const app = await startApp();
    try {
      const { account, number } = await setup({}, { smsUrl: app.url("/get?k=1"), smsMethod: "GET" });
      const m = await receiveInboundMessage({ from: "+14155550101", to: number, body: "a b&c" });
      await handled(m.sid);
      const hit = app.hits[0] as Hit;
      expect(hit.method).toBe("GET");
      expect(hit.params).toMatchObject({ k: "1", Body: "a b&c", MessageSid: m.sid, From: "+14155550101" });
      expect(signed(account.authToken, hit)).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe("inbound: the service's webhook and fallback", () => {
  it("webhook mode uses the service URL and method, not the number's (UseInboundWebhookOnNumber off)", async () => {
    const svcApp = await startApp();
    const numApp = await startApp();
    try {
      const { account, number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: svcApp.url("/in"), inboundMethod: "POST" }, { smsUrl: numApp.url() });
      const m = await receiveInboundMessage({ from: "+14155550102", to: number, body: "svc" });
      expect(await handled(m.sid)).toMatchObject({ outcome: "webhook", url: svcApp.url("/in") });
      expect(numApp.hits).toHaveLength(0);
      expect(svcApp.hits[0]?.params.Body).toBe("svc");
      expect(signed(account.authToken, svcApp.hits[0] as Hit)).toBe(true);
    } finally {
      await svcApp.close();
      await numApp.close();
    }
  });

  it("UseInboundWebhookOnNumber: the number's own webhook overrides the service's", async () => {
    const svcApp = await startApp();
    const numApp = await startApp();
    try {
      const { number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: svcApp.url(), useInboundWebhookOnNumber: true }, { smsUrl: numApp.url() });
      const m = await receiveInboundMessage({ from: "+14155550103", to: number, body: "num" });
      expect(await handled(m.sid)).toMatchObject({ outcome: "webhook", url: numApp.url() });
      expect(svcApp.hits).toHaveLength(0);
      expect(numApp.hits).toHaveLength(1);
    } finally {
      await svcApp.close();
      await numApp.close();
    }
  });

  it("a non-2xx primary goes to the fallback (its method), with ErrorCode 11200 and ErrorUrl; both signed", async () => {
    const primary = await startApp(() => ({ status: 500, body: "boom" }));
    const fallback = await startApp(() => ({ body: "<Response/>" }));
    try {
      const { account, number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: primary.url("/p"), fallbackUrl: fallback.url("/f"), fallbackMethod: "GET" });
      const m = await receiveInboundMessage({ from: "+14155550104", to: number, body: "fb" });
      const h = await handled(m.sid);
      expect(h).toMatchObject({ outcome: "fallback", url: fallback.url("/f"), method: "GET", responseStatus: 200, attempts: 1 });
      expect(h.lastError).toContain("HTTP 500");
      expect(primary.hits).toHaveLength(1);
      expect(fallback.hits).toHaveLength(1);
      expect(fallback.hits[0]?.params).toMatchObject({ MessageSid: m.sid, Body: "fb", ErrorCode: "11200", ErrorUrl: primary.url("/p") });
      expect(signed(account.authToken, primary.hits[0] as Hit)).toBe(true);
      expect(signed(account.authToken, fallback.hits[0] as Hit)).toBe(true);
    } finally {
      await primary.close();
      await fallback.close();
    }
  });

  it("connection refused goes to the fallback with ErrorCode 11205", async () => {
    const fallback = await startApp();
    try {
      const { number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: await deadUrl(), fallbackUrl: fallback.url() });
      const m = await receiveInboundMessage({ from: "+14155550105", to: number, body: "down" });
      expect(await handled(m.sid)).toMatchObject({ outcome: "fallback" });
      expect(fallback.hits[0]?.params.ErrorCode).toBe("11205");
    } finally {
      await fallback.close();
    }
  });

  it("a primary that times out goes to the fallback", async () => {
    const slow = await startApp(() => ({ delayMs: 3_000, body: "<Response><Message>late</Message></Response>" }));
    const fallback = await startApp(() => ({ body: "<Response><Message>from fallback</Message></Response>" }));
    process.env.INBOUND_WEBHOOK_TIMEOUT_MS = "600";
    try {
      const { account, number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: slow.url(), fallbackUrl: fallback.url() });
      const m = await receiveInboundMessage({ from: "+14155550106", to: number, body: "slow" });
      const h = await handled(m.sid);
      expect(h).toMatchObject({ outcome: "fallback", replies: 1 });
      expect(h.lastError).toMatch(/timed out/);
      const replies = await db.message.findMany({ where: { accountSid: account.sid, direction: "outbound-api" } });
      expect(replies.map((r) => r.body)).toEqual(["from fallback"]);
    } finally {
      delete process.env.INBOUND_WEBHOOK_TIMEOUT_MS;
      await slow.close();
      await fallback.close();
    }
  });

  it("a 4xx is final: recorded as failed, not retried", async () => {
    const app = await startApp(() => ({ status: 404, body: "no such route" }));
    try {
      const { number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: app.url() });
      const m = await receiveInboundMessage({ from: "+14155550107", to: number, body: "x" });
      const h = await handled(m.sid);
      expect(h).toMatchObject({ outcome: "failed", responseStatus: 404, attempts: 1 });
      await new Promise((r) => setTimeout(r, 3_500)); // past the first retry's backoff
      expect(app.hits).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it("a 5xx with no fallback is retried with backoff until it answers", async () => {
    const app = await startApp((n) => (n === 0 ? { status: 503 } : { body: "<Response><Message>ok now</Message></Response>" }));
    try {
      const { number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: app.url() });
      const m = await receiveInboundMessage({ from: "+14155550108", to: number, body: "retry" });
      const h = await handled(m.sid);
      expect(h).toMatchObject({ outcome: "webhook", attempts: 2, responseStatus: 200, replies: 1 });
      expect(app.hits).toHaveLength(2);
      // the same request both times: the application can de-duplicate on the token
      expect(app.hits[0]?.headers["i-twilio-idempotency-token"]).toBe(app.hits[1]?.headers["i-twilio-idempotency-token"]);
    } finally {
      await app.close();
    }
  });

  it("gives up on the job's last attempt: recorded as failed, later runs send nothing", async () => {
    const app = await startApp(() => ({ status: 503 }));
    try {
      const { number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: app.url() });
      const m = await receiveInboundMessage({ from: "+14155550120", to: number, body: "x" });
      await waitFor(async () => (await db.inboundHandling.findUnique({ where: { messageSid: m.sid } }))?.attempts === 1);
      // Take the queued retry out, then do what the worker does on the job's last attempt:
      await db.$queryRaw`SELECT graphile_worker.remove_job(${"inbound:" + m.sid})`;
      await handleInboundMessage(m.sid, { finalAttempt: true });
      const h = await db.inboundHandling.findUniqueOrThrow({ where: { messageSid: m.sid } });
      expect(h).toMatchObject({ outcome: "failed", attempts: 2, responseStatus: 503 });
      expect(h.completedAt).not.toBeNull();
      await handleInboundMessage(m.sid);
      expect(app.hits).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it("webhook mode without a request URL sends nothing", async () => {
    const { number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: null });
    const m = await receiveInboundMessage({ from: "+14155550109", to: number, body: "x" });
    expect(await handled(m.sid)).toMatchObject({ outcome: "none", lastError: "The service has no inbound request URL." });
  });
});

describe("inbound: TwiML replies", () => {
  it("several <Message>s go through the service from the receiving number and reach the carrier", async () => {
    const other = uniqueUsNumber();
    const app = await startApp(() => ({
      body: `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Message>Thanks &amp; welcome</Message>
  <Say>ignored</Say>
  <Message to="${other}"><Body>Forwarded</Body><Media>https://media.test/a.png</Media></Message>
</Response>`,
    }));
    try {
      const { account, service, number } = await setup({}, { smsUrl: app.url() });
      await db.phoneNumber.updateMany({ where: { phoneNumber: number }, data: { mmsEnabled: true } });
      const m = await receiveInboundMessage({ from: "+14155550110", to: number, body: "hi" });
      const h = await handled(m.sid);
      expect(h).toMatchObject({ outcome: "webhook", replies: 2 });
      expect(h.lastError).toBe("Ignored TwiML: <Say>");
      const replies = await db.message.findMany({ where: { accountSid: account.sid, direction: "outbound-api" }, orderBy: { createdAt: "asc" } });
      expect(replies).toHaveLength(2);
      for (const r of replies) expect(r.serviceSid).toBe(service.sid);
      const delivered = await waitFor(async () => {
        const d = await db.simDelivery.findMany({ where: { accountSid: account.sid } });
        return d.length === 2 ? d : undefined;
      });
      const byTo = Object.fromEntries(delivered.map((d) => [d.to, d]));
      expect(byTo["+14155550110"]).toMatchObject({ from: number, body: "Thanks & welcome" });
      expect(byTo[other]).toMatchObject({ from: number, body: "Forwarded", mediaUrls: ["https://media.test/a.png"] });
    } finally {
      await app.close();
    }
  });

  it("the from attribute picks another of the account's senders", async () => {
    const app = await startApp();
    try {
      const { account, service, number } = await setup({}, { smsUrl: app.url() });
      const second = await addLongCode(account.sid, service.sid);
      app.answer = () => ({ body: `<Response><Message from="${second.phoneNumber}">from the other line</Message></Response>` });
      const m = await receiveInboundMessage({ from: "+14155550121", to: number, body: "hi" });
      expect(await handled(m.sid)).toMatchObject({ replies: 1 });
      const d = await waitFor(async () => db.simDelivery.findFirst({ where: { accountSid: account.sid, to: "+14155550121" } }));
      expect(d).toMatchObject({ from: second.phoneNumber, body: "from the other line" });
    } finally {
      await app.close();
    }
  });

  it("an empty <Response/> sends nothing; invalid TwiML sends nothing and says why", async () => {
    const empty = await startApp(() => ({ body: "<Response/>" }));
    const junk = await startApp(() => ({ body: "OK thanks" }));
    try {
      const a = await setup({}, { smsUrl: empty.url() });
      const m1 = await receiveInboundMessage({ from: "+14155550111", to: a.number, body: "x" });
      expect(await handled(m1.sid)).toMatchObject({ outcome: "webhook", replies: 0, lastError: null });
      const b = await setup({}, { smsUrl: junk.url() });
      const m2 = await receiveInboundMessage({ from: "+14155550112", to: b.number, body: "x" });
      const h2 = await handled(m2.sid);
      expect(h2).toMatchObject({ outcome: "webhook", replies: 0 });
      expect(h2.lastError).toMatch(/^Invalid TwiML/);
      expect(await db.message.count({ where: { accountSid: { in: [a.account.sid, b.account.sid] }, direction: "outbound-api" } })).toBe(0);
    } finally {
      await empty.close();
      await junk.close();
    }
  });

  it("a reply createMessage refuses is reported; the others still go", async () => {
    const app = await startApp(() => ({ body: `<Response><Message from="+19999999999">bad from</Message><Message>good</Message><Message></Message></Response>` }));
    try {
      const { account, number } = await setup({}, { smsUrl: app.url() });
      const m = await receiveInboundMessage({ from: "+14155550113", to: number, body: "x" });
      const h = await handled(m.sid);
      expect(h.replies).toBe(1);
      expect(h.lastError).toContain("<Message> 1: 21606"); // a From the account does not own
      expect(h.lastError).toContain("<Message> 3: 21602");
      const replies = await db.message.findMany({ where: { accountSid: account.sid, direction: "outbound-api" } });
      expect(replies.map((r) => r.body)).toEqual(["good"]);
    } finally {
      await app.close();
    }
  });
});

describe("inbound: opt-out keywords", () => {
  it("STOP is recorded, confirmed, and forwarded with OptOutType=STOP", async () => {
    const app = await startApp();
    try {
      const { account, service, number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: app.url() });
      const m = await receiveInboundMessage({ from: "+14155550114", to: number, body: "stop" });
      expect(await handled(m.sid)).toMatchObject({ optOutType: "STOP", outcome: "webhook" });
      expect(app.hits[0]?.params.OptOutType).toBe("STOP");
      expect(signed(account.authToken, app.hits[0] as Hit)).toBe(true);
      expect(await db.optOut.findUnique({ where: { serviceSid_recipient: { serviceSid: service.sid, recipient: "+14155550114" } } })).not.toBeNull();
    } finally {
      await app.close();
    }
  });

  it("an ordinary body has no OptOutType", async () => {
    const app = await startApp();
    try {
      const { number } = await setup({ incomingHandling: "webhook", inboundRequestUrl: app.url() });
      const m = await receiveInboundMessage({ from: "+14155550115", to: number, body: "stop please" });
      await handled(m.sid);
      expect(app.hits[0]?.params).not.toHaveProperty("OptOutType");
    } finally {
      await app.close();
    }
  });
});

describe("inbound: autocreate a conversation", () => {
  it("files messages in one thread per participant, newest on top, unread counted; no webhook", async () => {
    const app = await startApp();
    try {
      const { account, service, number } = await setup({ incomingHandling: "conversation", inboundRequestUrl: app.url() }, { smsUrl: app.url() });
      const a1 = await receiveInboundMessage({ from: "+14155550116", to: number, body: "first" });
      await handled(a1.sid);
      const a2 = await receiveInboundMessage({ from: "+14155550116", to: number, body: "second" });
      const b1 = await receiveInboundMessage({ from: "+14155550117", to: number, body: "other person" });
      expect(await handled(a2.sid)).toMatchObject({ outcome: "conversation" });
      await handled(b1.sid);
      expect(app.hits).toHaveLength(0);
      const threads = await db.conversation.findMany({ where: { accountSid: account.sid }, include: { messages: { orderBy: { createdAt: "asc" } } }, orderBy: { participantAddress: "asc" } });
      expect(threads).toHaveLength(2);
      expect(threads[0]).toMatchObject({ serviceSid: service.sid, participantAddress: "+14155550116", senderAddress: number, unreadCount: 2, lastMessagePreview: "second", lastMessageDirection: "inbound" });
      expect(threads[0]?.messages.map((x) => x.messageSid)).toEqual([a1.sid, a2.sid]);
      expect(threads[1]).toMatchObject({ participantAddress: "+14155550117", unreadCount: 1, lastMessagePreview: "other person" });
    } finally {
      await app.close();
    }
  });
});
