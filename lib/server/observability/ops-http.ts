import http from "node:http";
import type { AddressInfo } from "node:net";
import { registerDbGauges } from "./db-gauges";
import { readiness } from "./health";
import { log } from "./logger";
import { metrics, statusClass } from "./metrics";
import { metricsToken } from "./ops-env";
import { requestContext, requestIdFrom } from "./request-context";

const CREATE_MESSAGE_PATH = /^\/2010-04-01\/Accounts\/[^/?]+\/Messages\.json$/;

function send(res: http.ServerResponse, status: number, type: string, text: string, head: boolean) {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text), "cache-control": "no-store" }).end(head ? undefined : text);
}

async function serveOps(path: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const head = req.method === "HEAD";
  if (path === "/healthz") return send(res, 200, "application/json", JSON.stringify({ status: "ok" }), head);
  if (path === "/readyz") {
    const r = await readiness();
    return send(res, r.ready ? 200 : 503, "application/json", JSON.stringify({ status: r.ready ? "ready" : "not ready", checks: r.checks }), head);
  }
  const token = metricsToken();
  if (token && req.headers.authorization !== `Bearer ${token}`) return send(res, 401, "text/plain", "metrics need the bearer token (METRICS_TOKEN)\n", head);
  registerDbGauges();
  const text = await metrics.registry.metrics();
  return send(res, 200, metrics.registry.contentType, text, head);
}

/** Which routes' counts are kept apart (a path per account or message would make unbounded label values). */
function routeClass(method: string | undefined, path: string): string {
  if (method === "POST" && CREATE_MESSAGE_PATH.test(path)) return "create_message";
  if (path.startsWith("/2010-04-01/") || path.startsWith("/v1/")) return "api";
  return "console";
}

/**
 * The front server's one hook, called first for every request: answers
 * /healthz, /readyz and /metrics itself (returns true), and otherwise gives
 * the request its id (X-Request-Id: the caller's, else a new UUID; echoed on
 * the answer, passed on to Next, on every log line while it is served),
 * then counts and logs the answer when it is written (returns false).
 */
export function observeRequest(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
  if ((req.method === "GET" || req.method === "HEAD") && (path === "/healthz" || path === "/readyz" || path === "/metrics")) {
    serveOps(path, req, res).catch((err: unknown) => {
      log.error({ err: { message: (err as Error).message } }, "ops endpoint failed");
      if (!res.headersSent) send(res, 500, "text/plain", "internal error\n", false);
    });
    return true;
  }
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  // The rest of this request's handling (same tick and its continuations) runs in this context.
  requestContext.enterWith({ requestId });
  const started = performance.now();
  res.once("finish", () => {
    const route = routeClass(req.method, path);
    metrics.httpRequests.inc({ route, status: statusClass(res.statusCode) });
    // Path only, never the query string or body (they may carry message text or tokens).
    const line = { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) };
    if (res.statusCode >= 500) log.warn(line, "request failed");
    else log.debug(line, "request");
  });
  return false;
}

export interface OpsServer {
  port: number;
  stop(): Promise<void>;
}

/** /healthz, /readyz and /metrics on their own port: a worker-only process (METRICS_PORT) has no front server. */
export async function startOpsServer(port: number, host: string): Promise<OpsServer> {
  const server = http.createServer((req, res) => {
    if (!observeRequest(req, res)) send(res, 404, "text/plain", "not found\n", req.method === "HEAD");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
