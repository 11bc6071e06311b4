import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";

/**
 * The REST routes of app/2010-04-01 and app/v1, served over node:http
 * without a `next build`: each route.ts is imported and matched the way the
 * App Router matches (static segment before [param] before [...catchAll]),
 * so the official twilio client can drive the real handlers in integration tests.
 */
type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
interface Route {
  segments: string[];
  module: Record<string, Handler | undefined>;
}

const APP = path.resolve(import.meta.dirname, "../../app");

function findRoutes(dir: string, segments: string[] = []): string[][] {
  const out: string[][] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...findRoutes(path.join(dir, entry.name), [...segments, entry.name]));
    else if (entry.name === "route.ts") out.push(segments);
  }
  return out;
}

const rank = (s: string) => (s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0);

function match(route: string[], parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.length; i++) {
    const seg = route[i] as string;
    if (seg.startsWith("[...")) {
      if (i >= parts.length) return null;
      params[seg.slice(4, -1)] = parts.slice(i);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.startsWith("[")) params[seg.slice(1, -1)] = part;
    else if (seg !== part) return null;
  }
  return route.length === parts.length ? params : null;
}

async function loadRoutes(): Promise<Route[]> {
  const found = [...findRoutes(path.join(APP, "2010-04-01"), ["2010-04-01"]), ...findRoutes(path.join(APP, "v1"), ["v1"])];
  const routes = await Promise.all(found.map(async (segments) => ({ segments, module: (await import(path.join(APP, ...segments, "route.ts"))) as Route["module"] })));
  // Most specific first: compare segment by segment, static < dynamic < catch-all.
  return routes.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const x = a.segments[i];
      const y = b.segments[i];
      if (x === undefined || y === undefined) return x === undefined ? 1 : -1;
      if (rank(x) !== rank(y)) return rank(x) - rank(y);
    }
    return 0;
  });
}

/** The route file that serves a concrete path and method, as the App Router would pick it ("" for none, "catch-all" for the 20404 routes). */
export async function routeFor(method: string, urlPath: string): Promise<string> {
  const routes = await loadRoutes();
  const parts = urlPath.split("/").filter(Boolean);
  for (const route of routes) {
    if (!match(route.segments, parts)) continue;
    if (route.segments.some((s) => s.startsWith("[..."))) return "catch-all";
    return route.module[method] ? route.segments.join("/") : "";
  }
  return "";
}

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

export async function startApiServer(): Promise<ApiServer> {
  const routes = await loadRoutes();
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(url, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : body });
      let response = new Response("<html>not found</html>", { status: 404, headers: { "content-type": "text/html" } });
      for (const route of routes) {
        const params = match(route.segments, parts);
        if (!params) continue;
        const handler = route.module[req.method ?? "GET"];
        response = handler ? await handler(request, { params: Promise.resolve(params) }) : new Response(null, { status: 405 });
        break;
      }
      const out = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers.entries())).end(out);
    })().catch((err: unknown) => {
      console.error(err);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
