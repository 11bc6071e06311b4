import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isBlockedAddress } from "./blocked-addresses";
import { addressAllowed, hostAllowed, outboundAllow } from "./outbound-allow";

/**
 * The one way this server makes an outgoing HTTP request (status and
 * inbound webhooks, click callbacks, HTTP carrier upstreams), so none of
 * them can be pointed at this host or its private network
 * (docs/security.md "Outgoing requests"):
 * - only http(s), and an IPv4 host only in its canonical dotted form
 *   (`2130706433`, `0x7f.1`, `0177.0.0.1` are refused, not normalised);
 * - the host is resolved and every answer checked against the blocked
 *   ranges unless the operator allow-lists the host or address;
 * - the check runs inside the socket's own lookup, so the address checked is
 *   the address connected to (no second resolution to rebind);
 * - redirects are not followed, and at most `maxBodyBytes` are read back.
 */
export class OutboundRefused extends Error {
  readonly code = "OUTBOUND_REFUSED";
}

export interface SafeRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  /** Bytes of the answer kept; the rest is discarded unread. */
  maxBodyBytes?: number;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  durationMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BODY = 64 * 1024;

/** The host as written in the URL, before WHATWG parsing rewrites numeric forms. */
function rawHost(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#\\]*@)?(\[[^\]]*\]|[^:/?#\\]*)/i.exec(url.trim());
  return (m?.[1] ?? "").toLowerCase();
}

/** Throws OutboundRefused for a URL that may not be requested; returns the parsed URL and its bare host. */
export function checkOutboundUrl(raw: string): { url: URL; host: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused("not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundRefused("only http and https URLs are allowed");
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (net.isIPv4(host) && rawHost(raw) !== host) throw new OutboundRefused("numeric IP forms other than dotted decimal are refused");
  const allow = outboundAllow();
  if (net.isIP(host) && isBlockedAddress(host) && !addressAllowed(allow, host) && !hostAllowed(allow, host)) {
    throw new OutboundRefused("the address is loopback, private, link-local or reserved");
  }
  return { url, host };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A socket lookup that resolves, refuses blocked answers, and pins the connection to a checked address. */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
    if (err) return callback(err, "");
    const allow = outboundAllow();
    const trusted = hostAllowed(allow, hostname);
    const ok = addresses.filter((a) => trusted || !isBlockedAddress(a.address) || addressAllowed(allow, a.address));
    // Any blocked answer refuses the host: a name that also resolves inward is not a public endpoint.
    if (ok.length === 0 || ok.length < addresses.length) {
      return callback(new OutboundRefused(`${hostname} resolves to a loopback, private, link-local or reserved address`), "");
    }
    if (options.all) return callback(null, ok);
    const first = ok[0] as dns.LookupAddress;
    callback(null, first.address, first.family);
  });
}

/** Requests `rawUrl`; rejects with OutboundRefused before any connection to a refused address, or with the network error. */
export function safeFetch(rawUrl: string, req: SafeRequest = {}): Promise<SafeResponse> {
  let checked: { url: URL; host: string };
  try {
    checked = checkOutboundUrl(rawUrl);
  } catch (err) {
    return Promise.reject(err);
  }
  const { url } = checked;
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBody = req.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const started = performance.now();
  const mod = url.protocol === "https:" ? https : http;
  return new Promise<SafeResponse>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers["content-length"] = Buffer.byteLength(req.body);
    const r = mod.request(
      url,
      { method: req.method ?? "GET", headers, lookup: guardedLookup as unknown as net.LookupFunction, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8").slice(0, maxBody),
            durationMs: Math.round(performance.now() - started),
          });
        };
        res.on("data", (c: Buffer) => {
          if (size >= maxBody) return;
          chunks.push(c);
          size += c.length;
          if (size >= maxBody) {
            finish();
            res.destroy();
          }
        });
        res.on("end", finish);
        res.on("error", finish);
      },
    );
    const timer = setTimeout(() => r.destroy(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { name: "TimeoutError" })), timeoutMs);
    r.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    r.end(req.body);
  });
}

/**
 * A failure in words safe to store and show (docs/security.md): status and
 * timing, a refusal, or a coarse network reason. Socket errors are folded
 * together so open and closed internal ports cannot be told apart.
 */
export function describeOutboundError(err: unknown): string {
  const e = err as Error & { code?: string };
  if (e instanceof OutboundRefused || e?.code === "OUTBOUND_REFUSED") return `refused: ${e.message}`;
  if (e?.name === "TimeoutError") return e.message;
  if (e?.code === "ENOTFOUND" || e?.code === "EAI_AGAIN") return "host not found";
  return "connection failed";
}

/** A short excerpt of an answer, control characters removed (React escapes the rest when shown). */
export function excerpt(body: string, max = 120): string {
  return body.replace(/[\u0000-\u001f\u007f]+/g, " ").trim().slice(0, max);
}
