import http from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeLoopbackPort, startFrontServer, type FrontServer } from "@/lib/server/api/front-server";
import { db } from "@/lib/server/db/client";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { makeAccount, makeService } from "./pipeline-fixtures";

/**
 * The front server on PORT: POST Messages.json answered by the shared
 * handler, everything else proxied to Next. A plain node:http server stands
 * in for Next here (the proxying is what is tested; the e2e suite runs the
 * real Next behind the same front server).
 */
interface Seen {
  method: string;
  url: string;
  host: string;
  forwardedFor: string | undefined;
  body: string;
}
const seen: Seen[] = [];
let upstream: http.Server;
let front: FrontServer;
let base: string;
const upgraded: Duplex[] = [];

beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  upstream = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", host: req.headers.host ?? "", forwardedFor: req.headers["x-forwarded-for"] as string | undefined, body });
      res.writeHead(200, { "content-type": "text/plain", "x-upstream": "next" }).end(`next saw ${req.method} ${req.url}`);
    });
  });
  // A websocket-style upgrade (Next's dev HMR): answer 101 and echo what arrives.
  upstream.on("upgrade", (_req, socket) => {
    upgraded.push(socket);
    socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    socket.on("data", (d: Buffer) => socket.write(`echo:${d.toString()}`));
  });
  await new Promise<void>((r) => upstream.listen(0, "localhost", r));
  front = await startFrontServer({ port: 0, host: "127.0.0.1", nextPort: (upstream.address() as AddressInfo).port });
  base = `http://127.0.0.1:${front.port}`;
});

afterAll(async () => {
  await front.stop();
  upstream.closeAllConnections();
  for (const s of upgraded) s.destroy();
  await new Promise<void>((r) => upstream.close(() => r()));
});

function client(sid: string, token: string) {
  const c = twilio(sid, token);
  c.api.baseUrl = base;
  return c;
}

describe("front server: POST Messages.json without Next", () => {
  it("creates the message and its job with the twilio client, never touching Next", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const before = seen.length;
    const m = await client(account.sid, account.authToken).messages.create({ to: "+14155550123", messagingServiceSid: service.sid, body: "via the front server" });
    expect(m.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(m.status).toBe("accepted");
    expect(m.messagingServiceSid).toBe(service.sid);
    expect(m.numSegments).toBe("0");
    expect(m.uri).toBe(`/2010-04-01/Accounts/${account.sid}/Messages/${m.sid}.json`);
    expect(seen.length).toBe(before);
    const row = await db.message.findUniqueOrThrow({ where: { sid: m.sid } });
    expect(row).toMatchObject({ accountSid: account.sid, to: "+14155550123", body: "via the front server", status: "accepted" });
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload::jsonb @> jsonb_build_array(jsonb_build_object('sid', ${m.sid}::text))`;
    expect(Number(jobs[0]?.n)).toBe(1);
  });

  it("answers bad credentials, another account's path and bad input with Twilio's error JSON, writing nothing", async () => {
    const account = await makeAccount();
    const other = await makeAccount();
    const service = await makeService(account.sid);
    const count = () => db.message.count({ where: { accountSid: { in: [account.sid, other.sid] } } });

    const wrong = await fetch(`${base}/2010-04-01/Accounts/${account.sid}/Messages.json`, {
      method: "POST",
      headers: { authorization: "Basic " + Buffer.from(`${account.sid}:nope`).toString("base64"), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ To: "+14155550123", MessagingServiceSid: service.sid, Body: "x" }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain("Basic");
    expect(await wrong.json()).toEqual({ code: 20003, message: expect.any(String), more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });

    // Valid credentials, but the path names another account.
    const crossed = await fetch(`${base}/2010-04-01/Accounts/${other.sid}/Messages.json`, {
      method: "POST",
      headers: { authorization: "Basic " + Buffer.from(`${account.sid}:${account.authToken}`).toString("base64"), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ To: "+14155550123", MessagingServiceSid: service.sid, Body: "x" }),
    });
    expect(crossed.status).toBe(401);

    const err = await client(account.sid, account.authToken)
      .messages.create({ to: "not a number", messagingServiceSid: service.sid, body: "x" })
      .catch((e: { status: number; code: number }) => e);
    expect(err).toMatchObject({ status: 400, code: 21211 });
    const missing = await client(account.sid, account.authToken)
      .messages.create({ to: "+14155550123", body: "x" } as never)
      .catch((e: { status: number; code: number }) => e);
    expect(missing).toMatchObject({ status: 400, code: 21603 });
    // FallbackFrom travels as the twilio client sends it; without a service it is refused.
    const fallback = await client(account.sid, account.authToken)
      .messages.create({ to: "+14155550123", from: "+14155550100", body: "x", fallbackFrom: "+14155550101" })
      .catch((e: { status: number; code: number; message: string }) => e);
    expect(fallback).toMatchObject({ status: 400, code: 21212, message: expect.stringContaining("FallbackFrom") });
    expect(await count()).toBe(0);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const account = await makeAccount();
    const res = await fetch(`${base}/2010-04-01/Accounts/${account.sid}/Messages.json`, {
      method: "POST",
      headers: { authorization: "Basic " + Buffer.from(`${account.sid}:${account.authToken}`).toString("base64"), "content-type": "application/x-www-form-urlencoded" },
      body: "Body=" + "a".repeat(1_100_000),
    }).catch(() => null);
    // The server may close the connection while the client is still sending; either way nothing is created.
    if (res) expect(res.status).toBe(413);
    expect(await db.message.count({ where: { accountSid: account.sid } })).toBe(0);
  });
});

describe("front server: everything else goes to Next", () => {
  it("proxies other methods and paths with the public Host and the body, unchanged", async () => {
    const list = await fetch(`${base}/2010-04-01/Accounts/ACx/Messages.json?PageSize=2`);
    expect(list.headers.get("x-upstream")).toBe("next");
    expect(await list.text()).toBe("next saw GET /2010-04-01/Accounts/ACx/Messages.json?PageSize=2");
    const posted = await fetch(`${base}/v1/Services`, { method: "POST", body: new URLSearchParams({ FriendlyName: "proxied" }) });
    expect(posted.status).toBe(200);
    const last = seen.at(-1);
    expect(last).toMatchObject({ method: "POST", url: "/v1/Services", host: `127.0.0.1:${front.port}`, body: "FriendlyName=proxied" });
    expect(last?.forwardedFor).toBeUndefined();
    // A sub-path of Messages.json is not the create path.
    await fetch(`${base}/2010-04-01/Accounts/ACx/Messages.json/extra`, { method: "POST", body: "a=b" });
    expect(seen.at(-1)?.url).toBe("/2010-04-01/Accounts/ACx/Messages.json/extra");
  });

  it("never reuses an upstream connection Next may be closing (no keep-alive to Next)", async () => {
    let connections = 0;
    const count = () => connections++;
    upstream.on("connection", count);
    try {
      for (let i = 0; i < 3; i++) expect((await fetch(`${base}/services?i=${i}`)).status).toBe(200);
      expect(connections).toBe(3);
    } finally {
      upstream.off("connection", count);
    }
  });

  it("proxies websocket upgrades (dev HMR)", async () => {
    const socket = net.connect(front.port, "127.0.0.1");
    const received: string[] = [];
    socket.on("data", (d: Buffer) => received.push(d.toString()));
    await new Promise<void>((r) => socket.once("connect", () => r()));
    socket.write("GET /_next/webpack-hmr HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    await expect.poll(() => received.join("")).toContain("101 Switching Protocols");
    socket.write("ping");
    await expect.poll(() => received.join("")).toContain("echo:ping");
    socket.destroy();
  });

  it("answers 503 while Next is not listening yet", async () => {
    const down = await startFrontServer({ port: 0, host: "127.0.0.1", nextPort: await freeLoopbackPort() });
    try {
      const res = await fetch(`http://127.0.0.1:${down.port}/login`);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
    } finally {
      await down.stop();
    }
  });
});
