import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import pg from "pg";
import { log, errFields } from "@/lib/server/observability/logger";
import { observeLinkRedirect } from "@/lib/server/observability/observe-messages";
import { resolveRedirect } from "@/lib/server/links/resolve-redirect";
import { decryptPrivateKey } from "./key-encryption";
import { PgLinkStore, type LinkStore } from "./link-store";
import { config } from "@/lib/server/config";

const NOT_FOUND = "404 Not Found\n";

/** node:http handler for link domains: 302 or a plain-text 404; a storage failure is a 503 (the client may retry). */
export function linkRequestHandler(store: LinkStore, now: () => Date = () => new Date()) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("405 Method Not Allowed\n");
      return;
    }
    resolveRedirect({ host: req.headers.host ?? "", path: req.url ?? "/", userAgent: req.headers["user-agent"] ?? "" }, { store, now }).then(
      (answer) => {
        observeLinkRedirect(answer.status);
        if (answer.status === 302) {
          res.writeHead(302, { location: answer.location, "cache-control": "private, max-age=0", "content-length": "0" }).end();
        } else {
          res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "content-length": String(NOT_FOUND.length) }).end(req.method === "HEAD" ? undefined : NOT_FOUND);
        }
      },
      (err: unknown) => {
        observeLinkRedirect(503);
        log.error(errFields(err), "link redirect failed");
        res.writeHead(503, { "content-type": "text/plain", "retry-after": "1" }).end("503 Service Unavailable\n");
      },
    );
  };
}

/**
 * TLS for link domains: SNI picks the domain's active certificate (cached
 * 30 s, so a promoted replacement is served within 30 s while the old one,
 * still valid, keeps serving until then: no downtime).
 */
function sniCallback(pool: pg.Pool, ttlMs: number) {
  const cache = new Map<string, { ctx: tls.SecureContext | null; until: number }>();
  return (servername: string, cb: (err: Error | null, ctx?: tls.SecureContext) => void) => {
    const name = servername.toLowerCase();
    const hit = cache.get(name);
    if (hit && hit.until > Date.now()) return hit.ctx ? cb(null, hit.ctx) : cb(new Error(`no certificate for ${name}`));
    pool
      .query<{ cert_pem: string; key_encrypted: string }>(
        `SELECT c.cert_pem, c.key_encrypted FROM link_domain_certificates c JOIN link_domains d ON d.sid = c.domain_sid
          WHERE d.domain_name = $1 AND c.state = 'active' ORDER BY c.activated_at DESC LIMIT 1`,
        [name],
      )
      .then(({ rows }) => {
        const row = rows[0];
        const ctx = row ? tls.createSecureContext({ cert: row.cert_pem, key: decryptPrivateKey(row.key_encrypted) }) : null;
        cache.set(name, { ctx, until: Date.now() + ttlMs });
        if (ctx) cb(null, ctx);
        else cb(new Error(`no certificate for ${name}`));
      })
      .catch((err: Error) => cb(err));
  };
}

export interface LinkServer {
  httpPort: number;
  httpsPort: number | null;
  store: PgLinkStore;
  stop(): Promise<void>;
}

/**
 * The dedicated listener for link domains, started by the launcher
 * (scripts/start.ts, scripts/e2e-server.ts) beside Next: plain node:http on
 * `httpPort`, and HTTPS with the uploaded certificates on `httpsPort` when given.
 */
export async function startLinkServer(opts: {
  connectionString: string;
  httpPort: number;
  httpsPort?: number;
  host?: string;
  /** How long a domain's TLS context is reused (default 30 s). */
  certCacheMs?: number;
}): Promise<LinkServer> {
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: config().LINK_DB_POOL_MAX });
  // An idle connection dropped by the server must not crash the launcher (pg emits it on the pool).
  pool.on("error", (err) => log.error(errFields(err), "link server database connection lost"));
  const store = new PgLinkStore(pool);
  const handler = linkRequestHandler(store);
  const plain = http.createServer({ keepAlive: true }, handler);
  await new Promise<void>((resolve) => plain.listen(opts.httpPort, opts.host ?? "0.0.0.0", resolve));
  let secure: https.Server | null = null;
  if (opts.httpsPort !== undefined) {
    secure = https.createServer({ SNICallback: sniCallback(pool, opts.certCacheMs ?? 30_000) }, handler);
    await new Promise<void>((resolve) => secure?.listen(opts.httpsPort, opts.host ?? "0.0.0.0", resolve));
  }
  const close = (s: http.Server | https.Server) => new Promise<void>((resolve) => s.close(() => resolve()));
  return {
    // The bound ports (0 asks the system for a free one).
    httpPort: (plain.address() as AddressInfo).port,
    httpsPort: secure ? (secure.address() as AddressInfo).port : null,
    store,
    async stop() {
      plain.closeAllConnections();
      secure?.closeAllConnections();
      await Promise.all([close(plain), secure ? close(secure) : Promise.resolve()]);
      await pool.end();
    },
  };
}
