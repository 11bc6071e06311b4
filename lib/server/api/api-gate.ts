import type http from "node:http";
import type { Duplex } from "node:stream";
import { AppError } from "@/lib/server/errors";
import { errorResult, type ApiResult } from "./respond";

/**
 * What the front server answers itself on the REST paths so that every
 * answer under /v1/ and /2010-04-01/ is Twilio's JSON error, even where
 * Next would answer an empty or HTML page (docs/security.md "API input").
 */
export const API_PATH = /^\/(v1|2010-04-01)(\/|$)/;
/** Twilio bodies are small (1,600 characters, 10 media URLs); anything larger is refused before it is read. */
export const MAX_BODY_BYTES = 1 << 20;
const METHODS = new Set(["GET", "HEAD", "POST", "DELETE", "OPTIONS"]);

export function isApiPath(url: string | undefined): boolean {
  return API_PATH.test((url ?? "/").split("?", 1)[0] ?? "/");
}

export function writeApiResult(res: http.ServerResponse, result: ApiResult, close = false) {
  const text = JSON.stringify(result.body);
  const headers: Record<string, string | number> = { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...result.headers };
  if (close) headers.connection = "close";
  res.writeHead(result.status, headers).end(text);
}

export const apiError = (status: number, code: number, message: string) => errorResult(new AppError(code, message, status));

/** The refusal for an API request before it reaches a handler, or null to let it through. */
export function gateApiRequest(req: http.IncomingMessage): { result: ApiResult; close: boolean } | null {
  const method = req.method ?? "GET";
  if (!METHODS.has(method)) return { result: { ...apiError(405, 20004, "Method not allowed"), headers: { allow: [...METHODS].join(", ") } }, close: false };
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) return { result: apiError(413, 20001, "Request body too large"), close: true };
  const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { result: apiError(400, 20001, "Malformed percent-encoding in the path"), close: false };
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { result: apiError(404, 20404, "The requested resource was not found"), close: false };
  return null;
}

/** A request Node could not parse (headers too large, bad syntax): Twilio's JSON error instead of an empty answer. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex) {
  if (!socket.writable) return socket.destroy();
  const status = err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "HPE_REQUEST_TIMEOUT" || err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const body = JSON.stringify(apiError(status, 20001, status === 431 ? "Request headers too large" : status === 408 ? "Request timeout" : "Bad request").body);
  const reason = status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request";
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/**
 * Next's own answers on API paths that are not JSON (an empty 405 for a
 * method a route does not export, an HTML 400/404/413): replaced by the
 * Twilio error of the same status. JSON answers pass through untouched.
 */
export function needsJsonRewrite(status: number, contentType: string | undefined): boolean {
  return status >= 400 && !(contentType ?? "").includes("application/json");
}

export function jsonErrorFor(status: number): ApiResult {
  if (status === 404) return apiError(404, 20404, "The requested resource was not found");
  if (status === 405) return apiError(405, 20004, "Method not allowed");
  if (status === 413) return apiError(413, 20001, "Request body too large");
  if (status >= 500) return apiError(status, 20500, "Internal Server Error");
  return apiError(status, 20001, "Bad request");
}
