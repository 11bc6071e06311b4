import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCursor } from "@/app/2010-04-01/Accounts/[accountSid]/Messages/_lib/list-params";
import { startFrontServer, type FrontServer } from "@/lib/server/api/front-server";
import { readPage } from "@/lib/server/api/pagination";
import { readForm, readQuery, type Params } from "@/lib/server/api/params";
import { apiHandler, errorResult } from "@/lib/server/api/respond";
import { AppError } from "@/lib/server/errors";
import { getAlert } from "@/lib/server/services/alerts/query-alerts";
import { parseDateBound } from "@/lib/server/services/messages/message-queries";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";

/** Issue 18 items 5 and 6: client-triggered 500s become Twilio-shaped 4xx; every API answer is Twilio's JSON error. */
const status = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.status : "not an AppError";
  }
};
const form = (body: string, type = "application/json") => ({ headers: new Headers({ "content-type": type }), text: () => Promise.resolve(body) });

describe("adapters refuse malformed input with a 4xx", () => {
  it("a JSON body must be an object of strings", async () => {
    for (const body of ["[1,2]", "\"x\"", "42", "null", '{"Body":{"a":1}}', '{"To":[{"x":1}]}', '{"Body":"a\\u0000b"}']) {
      await expect(readForm(form(body))).rejects.toMatchObject({ status: 400, code: 20001 });
    }
    await expect(readForm(form('{"Body":"hi","ValidityPeriod":30,"SmartEncoded":true}'))).resolves.toEqual({ Body: "hi", ValidityPeriod: "30", SmartEncoded: "true" });
  });

  it("NUL in a query or form parameter is a 400", async () => {
    expect(status(() => readQuery(new Request("http://x/v1/Services?FriendlyName=a%00b")))).toBe(400);
    await expect(readForm(form("Body=a%00b", "application/x-www-form-urlencoded"))).rejects.toMatchObject({ status: 400 });
  });

  it("huge, negative or forged paging is a 400", () => {
    const cases: Params[] = [{ Page: "1e300" }, { Page: "-1" }, { Page: "99999999999999999999" }, { PageSize: "-5" }, { PageSize: "1e9" }, { PageToken: "PT99999999999999999" }, { PageToken: "PT-3" }];
    for (const q of cases) {
      expect(status(() => readPage(q))).toBe(400);
    }
    expect(readPage({ Page: "2", PageSize: "10" })).toEqual({ page: 2, pageSize: 10, skip: 20 });
    for (const t of ["PA" + Buffer.from("99999999999999999:SMx").toString("base64url"), "PA" + Buffer.from("1:SM\u0000").toString("base64url"), "PAzzz", "XX"]) {
      expect(status(() => decodeCursor(t))).toBe(400);
    }
  });

  it("DateSent outside the storable range is a 400", () => {
    for (const d of ["-271821-04-20", "+275760-09-13", "0000-01-01", "99999-01-01T00:00:00Z"]) expect(status(() => parseDateBound(d))).toBe(400);
    expect(status(() => parseDateBound("2026-12-03"))).toBeNull();
  });

  it("an alert SID beyond bigint names nothing (404)", async () => {
    await expect(getAlert("AC" + "0".repeat(32), "NO" + "f".repeat(32))).rejects.toMatchObject({ status: 404 });
  });

  it("a database refusal of a client value or a stray ZodError is a 400, not a 500", () => {
    const pgErr = Object.assign(new Error("invalid byte sequence for encoding \"UTF8\": 0x00"), { code: "22021" });
    const prismaErr = Object.assign(new Error("driver error"), { cause: { originalCode: "22003" } });
    const zodErr = z.object({ a: z.string() }).safeParse({ a: 1 }).error;
    for (const e of [pgErr, prismaErr, zodErr]) expect(errorResult(e)).toMatchObject({ status: 400, body: { code: 20001 } });
    expect(errorResult(new Error("boom")).status).toBe(500);
  });

  it("a NUL or control character in a path SID is a 404 before any query", async () => {
    let called = false;
    const h = apiHandler<{ params: Promise<{ sid: string }> }>(async () => {
      called = true;
      return new Response("{}");
    });
    const res = await h(new Request("http://x/v1/Services/MG"), { params: Promise.resolve({ sid: "MG\u0000" }) });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 20404, status: 404 });
    expect(called).toBe(false);
  });
});

describe("the front server answers every API path in Twilio's JSON shape", () => {
  let upstream: http.Server;
  let front: FrontServer;
  let port = 0;
  const seenHeaders: http.IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    await migrateQueueSchema(process.env.DATABASE_URL as string);
    // Stands in for Next: an empty 405, an HTML 404 and a JSON answer.
    upstream = http.createServer((req, res) => {
      seenHeaders.push(req.headers);
      req.resume();
      if (req.method === "PUT") return void res.writeHead(405).end();
      if (req.url?.startsWith("/v1/Nope")) return void res.writeHead(404, { "content-type": "text/html" }).end("<html>404</html>");
      if (req.url?.startsWith("/login")) return void res.writeHead(404, { "content-type": "text/html" }).end("<html>console</html>");
      // Like Next, a POST is answered once its body has been read.
      if (req.method === "POST") return void req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
    await new Promise<void>((r) => upstream.listen(0, "localhost", r));
    front = await startFrontServer({ port: 0, host: "127.0.0.1", nextPort: (upstream.address() as AddressInfo).port });
    port = front.port;
  });
  afterAll(async () => {
    await front.stop();
    await new Promise<void>((r) => upstream.close(() => r()));
  });

  /** A raw request, so malformed paths, methods and sizes reach the server as sent. */
  function raw(head: string, body = ""): Promise<{ status: number; type: string; body: string }> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, "127.0.0.1");
      let data = "";
      s.on("data", (d: Buffer) => (data += d.toString()));
      s.on("error", reject);
      s.on("close", () => {
        const [h = "", b = ""] = data.split("\r\n\r\n");
        resolve({ status: Number(h.split(" ")[1]), type: /content-type: ([^\r]*)/i.exec(h)?.[1] ?? "", body: b });
      });
      s.write(head + "\r\n\r\n" + body);
    });
  }
  const expectTwilio = (r: { status: number; type: string; body: string }, st: number) => {
    expect(r.status).toBe(st);
    expect(r.type).toContain("application/json");
    expect(JSON.parse(r.body)).toMatchObject({ status: st, code: expect.any(Number), message: expect.any(String), more_info: expect.any(String) });
  };

  it("TRACE is a JSON 405", async () => {
    expectTwilio(await raw(`TRACE /2010-04-01/Accounts/AC1/Messages.json HTTP/1.1\r\nHost: x\r\nConnection: close`), 405);
  });
  it("Next's empty 405 and HTML 404 become JSON", async () => {
    expectTwilio(await raw(`PUT /v1/Services HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close`), 405);
    expectTwilio(await raw(`GET /v1/Nope HTTP/1.1\r\nHost: x\r\nConnection: close`), 404);
    // The console is not rewritten.
    const page = await raw(`GET /login HTTP/1.1\r\nHost: x\r\nConnection: close`);
    expect(page.body).toContain("console");
  });
  it("malformed percent-encoding and NUL in the path are JSON 400 / 404", async () => {
    expectTwilio(await raw(`GET /2010-04-01/Accounts/%E0%A4%A/Messages.json HTTP/1.1\r\nHost: x\r\nConnection: close`), 400);
    expectTwilio(await raw(`GET /v1/Services/MG%00 HTTP/1.1\r\nHost: x\r\nConnection: close`), 404);
  });
  it("an oversized body gets a JSON 413 before the socket closes", async () => {
    expectTwilio(await raw(`POST /2010-04-01/Accounts/AC1/Messages.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000000`, "Body=" + "x".repeat(1000)), 413);
    expectTwilio(
      await raw(`POST /2010-04-01/Accounts/AC1/Messages.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked`, `200001\r\n${"x".repeat(0x200001)}\r\n0\r\n\r\n`),
      413,
    );
  });
  it("a chunked body past the limit to a Next route gets a JSON 413", async () => {
    expectTwilio(
      await raw(`POST /v1/Services HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked`, `200001\r\n${"x".repeat(0x200001)}\r\n0\r\n\r\n`),
      413,
    );
  });
  it("oversized headers get a JSON 431", async () => {
    expectTwilio(await raw(`GET /v1/Services HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(70_000)}\r\nConnection: close`), 431);
  });
  it("a client-sent X-Forwarded-Host and client address are not passed on", async () => {
    seenHeaders.length = 0;
    await raw(`GET /v1/Services HTTP/1.1\r\nHost: x\r\nX-Forwarded-Host: evil.example\r\nX-Switchyard-Client-Ip: 1.2.3.4\r\nConnection: close`);
    expect(seenHeaders[0]?.["x-forwarded-host"]).toBeUndefined();
    expect(seenHeaders[0]?.["x-switchyard-client-ip"]).toBe("127.0.0.1");
  });
});

describe("inbound bodies are bounded", () => {
  it("a 10,000,000-character inbound body, 11 media URLs or a NUL are refused with a 400", async () => {
    const { receiveInboundMessage } = await import("@/lib/server/services/messages/receive-inbound-message");
    for (const input of [
      { from: "+14155550100", to: "+14155550199", body: "x".repeat(10_000_000) },
      { from: "+14155550100", to: "+14155550199", body: "hi", mediaUrls: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}.png`) },
      { from: "+14155550100", to: "+14155550199", body: "a\u0000b" },
    ]) {
      await expect(receiveInboundMessage(input)).rejects.toMatchObject({ status: 400 });
    }
  });
});
