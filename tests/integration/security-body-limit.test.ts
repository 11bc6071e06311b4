import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/server/api/api-gate";
import { startFrontServer, type FrontServer } from "@/lib/server/api/front-server";

/**
 * Body limits on the console's paths (docs/security.md "Body limits"): the
 * front server answers a body over 1 MiB with a readable 413 on every path
 * (server actions, console route handlers, /sim), declared or chunked, and
 * Next never reads it; a body under the limit passes through whole. A plain
 * node:http server stands in for Next (e2e/security-body-limit.spec.ts runs
 * the real one).
 */
const seen: { method: string; url: string; bytes: number }[] = [];
let upstream: http.Server;
let front: FrontServer;
let base: string;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    let bytes = 0;
    req.on("data", (d: Buffer) => (bytes += d.length));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", bytes });
      res.writeHead(200, { "content-type": "text/plain" }).end(`next read ${bytes} bytes`);
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "localhost", r));
  front = await startFrontServer({ port: 0, host: "127.0.0.1", nextPort: (upstream.address() as AddressInfo).port });
  base = `http://127.0.0.1:${front.port}`;
});

afterAll(async () => {
  await front.stop();
  upstream.closeAllConnections();
  await new Promise<void>((r) => upstream.close(() => r()));
});

const serverActionHeaders = { "content-type": "text/plain;charset=UTF-8", "next-action": "7f00000000000000000000000000000000000000", accept: "text/x-component" };
const sawUrl = (url: string) => seen.filter((s) => s.url === url);

describe("body limits on console paths", () => {
  it("answers a server action POST over 1 MiB with a readable 413; Next never sees it", async () => {
    const res = await fetch(`${base}/services`, { method: "POST", headers: serverActionHeaders, body: "x".repeat(MAX_BODY_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.text()).toMatch(/Request body too large/);
    expect(sawUrl("/services")).toEqual([]);
  });

  it("refuses a large body on console route handlers and /sim too, and on chunked uploads as they stream", async () => {
    for (const path of ["/api/console/carriers", "/sim/Inbound", "/carriers/CR00000000000000000000000000000000/Inbound"]) {
      const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Body=" + "y".repeat(2 * MAX_BODY_BYTES) });
      expect(res.status, path).toBe(413);
      expect(await res.text()).toMatch(/too large/);
      expect(sawUrl(path), path).toEqual([]);
    }
    // No Content-Length: counted as it streams; the client reads the 413 (no reset before the answer).
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 0x7a)); // 2.5 MiB
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/api/console/conversations`, { method: "POST", headers: { "content-type": "text/plain" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      Readable.from(chunks).pipe(req);
    });
    expect(status).toBe(413);
    expect(sawUrl("/api/console/conversations").every((s) => s.bytes <= MAX_BODY_BYTES + 64 * 1024)).toBe(true);
  });

  it("passes a console body under the limit through whole", async () => {
    const body = "z".repeat(MAX_BODY_BYTES - 1024);
    const res = await fetch(`${base}/services/MGx/opt-out`, { method: "POST", headers: serverActionHeaders, body });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`next read ${body.length} bytes`);
  });

  it("keeps Twilio's JSON 413 on the REST paths", async () => {
    const res = await fetch(`${base}/v1/Services`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "FriendlyName=" + "n".repeat(MAX_BODY_BYTES) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 20001, status: 413 });
  });
});
