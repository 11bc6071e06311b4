import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startFrontServer } from "@/lib/server/api/front-server";

/**
 * Graceful stop (SIGTERM in scripts/start.ts): the listener closes at once,
 * a request already in flight still gets its answer, then the server is gone.
 * A plain node:http server stands in for Next, answering slowly.
 */
let upstream: http.Server;
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((r) => upstream.close(() => r()));
});

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/slow", agent: false }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

describe("front server stop", () => {
  it("finishes requests in flight and refuses new connections", async () => {
    let arrived!: () => void;
    const inside = new Promise<void>((r) => (arrived = r));
    upstream = http.createServer((_req, res) => {
      arrived();
      setTimeout(() => res.writeHead(200, { "content-type": "text/plain" }).end("slow answer"), 800);
    });
    await new Promise<void>((r) => upstream.listen(0, "localhost", r));
    const front = await startFrontServer({ port: 0, host: "127.0.0.1", nextPort: (upstream.address() as AddressInfo).port });

    const pending = get(front.port);
    await inside;
    const started = Date.now();
    const stopped = front.stop({ graceMs: 5000 });
    // The listener is closed at once: a new connection is refused.
    await expect(get(front.port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(await pending).toEqual({ status: 200, body: "slow answer" });
    await stopped;
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
