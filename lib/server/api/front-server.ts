import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createProxyServer } from "http-proxy-3";
import { AppError } from "@/lib/server/errors";
import { log } from "@/lib/server/observability/logger";
import { observeRequest } from "@/lib/server/observability/ops-http";
import { answerClientError, apiError, gateApiRequest, isApiPath, jsonErrorFor, MAX_BODY_BYTES, needsJsonRewrite, writeApiResult } from "./api-gate";
import type { ApiRequest } from "./api-request";
import { postMessage } from "./messages/post-message";
import { errorResult, type ApiResult } from "./respond";
import { config } from "@/lib/server/config";

/** The send hot path: served here without Next (its per-request cost alone exceeded the intake budget; docs/decisions.md). */
const CREATE_MESSAGE_PATH = /^\/2010-04-01\/Accounts\/([^/?]+)\/Messages\.json$/;

function header(req: http.IncomingMessage, name: string): string | null {
  const v = req.headers[name.toLowerCase()];
  return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Answer first (413, connection: close), then let the rest drain away: destroying the socket here lost the answer.
        reject(new AppError(20001, "Request body too large", 413));
        req.removeAllListeners("data");
        req.resume();
        setTimeout(() => req.socket.destroy(), 2_000).unref();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Adapts node:http to the API layer's ApiRequest and answers with the same function Next's route uses. */
async function serveCreateMessage(req: http.IncomingMessage, res: http.ServerResponse, accountSid: string) {
  let result: ApiResult;
  try {
    const body = await readBody(req);
    const apiReq: ApiRequest = { headers: { get: (name) => header(req, name) }, text: () => Promise.resolve(body) };
    result = await postMessage(apiReq, decodeURIComponent(accountSid));
  } catch (err) {
    result = errorResult(err);
  }
  if (!res.headersSent && !res.destroyed) writeApiResult(res, result, result.status === 413);
}

/**
 * A body sent without Content-Length (chunked) is counted as it streams to
 * Next: past MAX_BODY_BYTES the client gets `tooLarge` (a 413) and the
 * request is cut (a declared length over the limit is refused up front).
 */
function limitStreamedBody(req: http.IncomingMessage, res: http.ServerResponse, tooLarge: () => void) {
  if (req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] === undefined) return;
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES || res.headersSent) return;
    tooLarge();
    setTimeout(() => req.socket.destroy(), 500).unref();
  });
}

/**
 * Console paths (pages and their server actions, console route handlers,
 * /sim, carrier webhooks) have the REST paths' limit too (docs/security.md
 * "Body limits"): Next's route handlers read any body whole, and its own
 * server-action limit answers by cutting the upload. A short text 413, then
 * the connection closes once the client had time to read it.
 */
function consoleTooLarge(res: http.ServerResponse) {
  const text = `Request body too large (the limit is ${MAX_BODY_BYTES} bytes).\n`;
  res.writeHead(413, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text), connection: "close" }).end(text);
}

/** Lets the rest of a refused body drain (so the client reads the answer, not a reset), then closes. */
function drainThenClose(req: http.IncomingMessage) {
  req.resume();
  setTimeout(() => req.socket.destroy(), 2_000).unref();
}

export interface FrontServer {
  port: number;
  /**
   * Stops taking connections, lets requests in flight finish (at most `graceMs`, default 0; idle
   * keep-alive sockets are closed meanwhile), then closes every connection left.
   */
  stop(opts?: { graceMs?: number }): Promise<void>;
}

/**
 * The public listener on PORT, in the launcher process (scripts/start.ts,
 * scripts/e2e-server.ts): `POST …/Messages.json` is answered here, every
 * other request and websocket (the console, the rest of the API, dev HMR)
 * is proxied to Next on a loopback port. Host and Origin pass through
 * unchanged, so Next sees the public host (server actions, next-auth), as
 * when it served PORT itself.
 */
export async function startFrontServer(opts: { port: number; host?: string; nextPort: number }): Promise<FrontServer> {
  // A new loopback connection per proxied request, no keep-alive: Next closes idle connections after
  // 5 s, and a request sent on one just as Next closed it failed with ECONNRESET (a server action lost
  // in CI). The proxied traffic is the console's; the hot path is not proxied.
  const agent = new http.Agent({ keepAlive: false });
  // Next runs with `-H localhost` (loopback only). Not 127.0.0.1: Next builds a proxy.ts request's URL
  // on "localhost", and with another configured hostname the link rewrite (proxy.ts) became an external
  // one. No X-Forwarded-* either: Next would build URLs on them (the e2e link redirect test caught both).
  const proxy = createProxyServer({ target: { host: "localhost", port: opts.nextPort }, agent, ws: true });
  // The REST paths go through a second proxy that handles Next's answers itself, so a non-JSON error
  // (an empty 405, an HTML 400/404/413) becomes Twilio's JSON error (docs/security.md "API input").
  const apiProxy = createProxyServer({ target: { host: "localhost", port: opts.nextPort }, agent, selfHandleResponse: true });
  apiProxy.on("proxyRes", (proxyRes, _req, res) => {
    const status = proxyRes.statusCode ?? 502;
    if ((res as http.ServerResponse).headersSent) return void proxyRes.resume(); // already answered 413 (limitStreamedBody)
    if (needsJsonRewrite(status, proxyRes.headers["content-type"])) {
      proxyRes.resume();
      writeApiResult(res as http.ServerResponse, jsonErrorFor(status));
      return;
    }
    (res as http.ServerResponse).writeHead(status, proxyRes.statusMessage, proxyRes.headers);
    proxyRes.pipe(res as http.ServerResponse);
  });
  apiProxy.on("error", (err, _req, res) => {
    if (res instanceof http.ServerResponse && !res.headersSent) writeApiResult(res, { ...jsonErrorFor(503), headers: { "retry-after": "1" } });
    else res.destroy();
    if ((err as NodeJS.ErrnoException).code !== "ECONNREFUSED") log.error({ err: { message: err.message } }, "proxy to Next failed");
  });
  proxy.on("error", (err, _req, res) => {
    // Next still starting (or restarting in dev): say so instead of dropping the connection.
    if (res instanceof http.ServerResponse && res.writableEnded) return; // already answered (413) and cut
    if (res instanceof http.ServerResponse) {
      if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" });
      res.end("Switchyard is starting, retry in a moment.\n");
    } else res.destroy();
    if ((err as NodeJS.ErrnoException).code !== "ECONNREFUSED") log.error({ err: { message: err.message } }, "proxy to Next failed");
  });
  // Idle keep-alive connections stay open 65 s (Node's default is 5 s): a client pool that reuses a
  // socket just as the server closes it gets ECONNRESET, and senders at volume keep many sockets
  // open, some idle for seconds. 65 s outlasts the usual 60 s idle timeout of load balancers.
  const server = http.createServer({ keepAlive: true, keepAliveTimeout: 65_000, headersTimeout: 66_000 }, (req, res) => {
    if (observeRequest(req, res)) return; // /healthz /readyz /metrics; request id, access log, counts
    // Next checks a server action's Origin against X-Forwarded-Host when present: a client must not choose it.
    // The client address for throttling is the socket's, never a header the client sent (docs/security.md).
    delete req.headers["x-forwarded-host"];
    req.headers["x-switchyard-client-ip"] = req.socket.remoteAddress ?? "unknown";
    const path = req.url ?? "/";
    if (!isApiPath(path)) {
      if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
        consoleTooLarge(res);
        return drainThenClose(req);
      }
      limitStreamedBody(req, res, () => consoleTooLarge(res));
      return proxy.web(req, res);
    }
    const refused = gateApiRequest(req);
    if (refused) {
      writeApiResult(res, refused.result, refused.close);
      if (refused.close) drainThenClose(req);
      return;
    }
    const match = req.method === "POST" ? CREATE_MESSAGE_PATH.exec(path.split("?", 1)[0] ?? path) : null;
    if (match?.[1]) void serveCreateMessage(req, res, match[1]);
    else {
      limitStreamedBody(req, res, () => writeApiResult(res, apiError(413, 20001, "Request body too large"), true));
      apiProxy.web(req, res);
    }
  });
  // Unparseable requests (headers too large, bad syntax) get a JSON error instead of an empty one.
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => answerClientError(err, socket));
  server.on("upgrade", (req, socket, head) => proxy.ws(req, socket, head));
  // Upgraded sockets leave the HTTP server's bookkeeping (closeAllConnections misses them) but keep close() waiting.
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  // Requests not yet answered, for a graceful stop (SIGTERM: finish these, take no more).
  let inFlight = 0;
  server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight++;
    res.once("close", () => inFlight--);
  });
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? "0.0.0.0", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async stop({ graceMs = 0 } = {}) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) {
        server.closeIdleConnections();
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const socket of sockets) socket.destroy();
      await closed;
      proxy.close();
      apiProxy.close();
      agent.destroy();
    },
  };
}

/** A free loopback port for Next behind the front server (NEXT_INTERNAL_PORT pins one). */
export async function freeLoopbackPort(): Promise<number> {
  const pinned = config().NEXT_INTERNAL_PORT;
  if (pinned) return pinned;
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "localhost", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
