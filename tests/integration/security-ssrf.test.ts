import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { requestTwiml } from "@/lib/server/services/inbound/request-twiml";
import { checkOutboundUrl, OutboundRefused, safeFetch } from "@/lib/server/security/safe-fetch";
import { postWebhook } from "@/lib/server/webhooks/post-webhook";

/** Issue 18 item 1: no outgoing request reaches this host or a private network unless allow-listed (docs/security.md). */
describe("outgoing requests refuse internal addresses", () => {
  let hits = 0;
  let port = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    req.on("end", () => {
      if (req.url === "/fail") {
        res.writeHead(500, { "content-type": "text/plain" }).end("SECRET-INTERNAL-" + "x".repeat(5000));
      } else res.writeHead(200, { "content-type": "text/xml" }).end("<Response/>");
    });
  });
  const saved = process.env.SWITCHYARD_WEBHOOK_ALLOW;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => {
    if (saved === undefined) delete process.env.SWITCHYARD_WEBHOOK_ALLOW;
    else process.env.SWITCHYARD_WEBHOOK_ALLOW = saved;
  });

  it.each([
    "http://127.0.0.1/x",
    "http://127.1.2.3/x",
    "http://2130706433/x",
    "http://0x7f000001/x",
    "http://0x7f.1/x",
    "http://0177.0.0.1/x",
    "http://127.1/x",
    "http://0.0.0.0/x",
    "http://10.1.2.3/x",
    "http://172.20.0.1/x",
    "http://192.168.1.1/x",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/x",
    "http://224.0.0.1/x",
    "http://240.0.0.1/x",
    "http://255.255.255.255/x",
    "http://[::1]/x",
    "http://[::]/x",
    "http://[::ffff:127.0.0.1]/x",
    "http://[::ffff:7f00:1]/x",
    "http://[::ffff:169.254.169.254]/x",
    "http://[fe80::1]/x",
    "http://[fc00::1]/x",
    "http://[fd12:3456::1]/x",
    "http://[ff02::1]/x",
    "http://[64:ff9b::7f00:1]/x",
    "http://[2002:7f00:1::]/x",
    "file:///etc/passwd",
    "gopher://127.0.0.1:5432/",
    "not a url",
  ])("refuses %s", (url) => {
    process.env.SWITCHYARD_WEBHOOK_ALLOW = "";
    expect(() => checkOutboundUrl(url)).toThrow(OutboundRefused);
  });

  it("accepts public addresses and names without resolving them yet", () => {
    process.env.SWITCHYARD_WEBHOOK_ALLOW = "";
    expect(checkOutboundUrl("https://8.8.8.8/hook").host).toBe("8.8.8.8");
    expect(checkOutboundUrl("https://[2606:4700:4700::1111]/hook").host).toBe("2606:4700:4700::1111");
    expect(checkOutboundUrl("https://hooks.example.com/x").host).toBe("hooks.example.com");
  });

  it("a status callback to loopback is never sent, open and closed ports answer alike, and the allow-list opens it", async () => {
    process.env.SWITCHYARD_WEBHOOK_ALLOW = "";
    const before = hits;
    const open = await postWebhook(`http://127.0.0.1:${port}/status`, { MessageSid: "SM1", MessageStatus: "sent" }, "token");
    const decimal = await postWebhook(`http://2130706433:${port}/status`, { MessageSid: "SM1", MessageStatus: "sent" }, "token");
    // A closed port (the listener's port + nothing) must give the same answer as the open one: no port scanning.
    const closed = await postWebhook(`http://127.0.0.1:1/status`, { MessageSid: "SM1", MessageStatus: "sent" }, "token");
    expect(hits).toBe(before);
    for (const r of [open, decimal, closed]) {
      expect(r.ok).toBe(false);
      expect(r.status).toBeNull();
      expect(r.snippet).toMatch(/^refused: /);
    }
    expect(open.snippet).toBe(closed.snippet);

    process.env.SWITCHYARD_WEBHOOK_ALLOW = "127.0.0.0/8";
    const allowed = await postWebhook(`http://127.0.0.1:${port}/status`, { MessageSid: "SM1", MessageStatus: "sent" }, "token");
    expect(allowed).toMatchObject({ ok: true, status: 200 });
    expect(hits).toBe(before + 1);
  });

  it("a host name is checked on the address it resolves to, at connect time (localhost -> loopback)", async () => {
    process.env.SWITCHYARD_WEBHOOK_ALLOW = "";
    const before = hits;
    await expect(safeFetch(`http://localhost:${port}/x`)).rejects.toBeInstanceOf(OutboundRefused);
    const twiml = await requestTwiml({ url: `http://localhost:${port}/sms`, method: "POST" }, { Body: "hi" }, "token", "SM1:inbound");
    expect(twiml).toMatchObject({ ok: false, status: null });
    expect(twiml.body).toMatch(/^refused: /);
    expect(hits).toBe(before);
    // Allow-listing the name lets it through.
    process.env.SWITCHYARD_WEBHOOK_ALLOW = "localhost";
    const ok = await safeFetch(`http://localhost:${port}/x`);
    expect(ok.status).toBe(200);
  });

  it("a failed callback keeps only a short excerpt of the answer", async () => {
    process.env.SWITCHYARD_WEBHOOK_ALLOW = "127.0.0.1";
    const r = await postWebhook(`http://127.0.0.1:${port}/fail`, { MessageSid: "SM1", MessageStatus: "sent" }, "token");
    expect(r).toMatchObject({ ok: false, status: 500 });
    expect(r.snippet.length).toBeLessThanOrEqual(120);
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });
});
