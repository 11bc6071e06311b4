import { AppError, notFound } from "@/lib/server/errors";
import { requestContext, requestIdFrom } from "@/lib/server/observability/request-context";
import { errFields, log } from "@/lib/server/observability/logger";
import { isDatabaseUnavailable } from "@/lib/server/db/database-unavailable";
import { runWithAuditContext } from "@/lib/server/audit-context";

/** A handler's answer before it is written: Next wraps it in a `Response`, the front server writes it to node:http. */
export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const JSON_TYPE = "application/json; charset=utf-8";

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE } });
}

export const noContent = () => new Response(null, { status: 204 });

export function toResponse(result: ApiResult): Response {
  return new Response(JSON.stringify(result.body), { status: result.status, headers: { "content-type": JSON_TYPE, ...result.headers } });
}

/** How long a client is asked to wait while the database is unreachable (it restarts in seconds). */
const RETRY_AFTER_S = "1";
let lastOutageLog = 0;

/**
 * A value from the client that got past the adapters' checks and was
 * refused by Postgres (bad byte sequence, number or date out of range, bad
 * text form) or by a zod schema parsed without parseParams: that is the
 * client's 400, not our 500 (docs/security.md "API input"). The adapters
 * check first; this is the backstop the fuzz test holds us to.
 */
const CLIENT_SQLSTATES = new Set(["22021", "22003", "22008", "22007", "22P02", "22001", "22P05", "54000"]);
/** SQLSTATEs anywhere in a driver or Prisma error (its cause chain and meta). */
function sqlStates(e: unknown, depth: number): string[] {
  if (typeof e !== "object" || e === null || depth > 4) return [];
  const o = e as Record<string, unknown>;
  const own = ["code", "originalCode", "sqlState"].map((k) => o[k]).filter((v): v is string => typeof v === "string");
  return [...own, ...sqlStates(o.cause, depth + 1), ...sqlStates(o.meta, depth + 1), ...sqlStates(o.driverAdapterError, depth + 1)];
}

function clientInputError(err: unknown): AppError | null {
  if (err instanceof AppError || typeof err !== "object" || err === null) return null;
  if ((err as { name?: string }).name === "ZodError") return new AppError(20001, "Invalid parameter", 400);
  // A malformed percent-encoding in a path segment a handler decodes (decodeURIComponent).
  if (err instanceof URIError) return new AppError(20001, "Invalid parameter: malformed percent-encoding", 400);
  return sqlStates(err, 0).some((s) => CLIENT_SQLSTATES.has(s)) ? new AppError(20001, "Invalid parameter value", 400) : null;
}

/**
 * How the API answers a thrown error: an AppError is Twilio's classic error
 * body (twilio-node's RestException reads exactly these keys); a database
 * that cannot be reached is Twilio's 20503 with Retry-After (the request may
 * be retried; docs/reliability.md); anything else is logged and answered
 * with a generic 500, so no internals leak out.
 */
export function errorResult(err: unknown): ApiResult {
  const client = clientInputError(err);
  if (client) {
    log.warn(errFields(err), "API input refused by the database or a schema");
    return errorResult(client);
  }
  if (!(err instanceof AppError) && isDatabaseUnavailable(err)) {
    // One line per second at most: every request fails the same way during an outage.
    if (Date.now() - lastOutageLog > 1_000) {
      lastOutageLog = Date.now();
      log.error(errFields(err), "API: database unavailable");
    }
    const result = errorResult(new AppError(20503, "Service Unavailable: the database is not reachable, retry later", 503));
    return { ...result, headers: { ...result.headers, "retry-after": RETRY_AFTER_S } };
  }
  if (!(err instanceof AppError)) {
    log.error(errFields(err), "API error");
    return errorResult(new AppError(20500, "Internal Server Error", 500));
  }
  return {
    status: err.status,
    body: { code: err.code, message: err.message, more_info: `https://www.twilio.com/docs/errors/${err.code}`, status: err.status },
    headers:
      err.status === 401
        ? { "www-authenticate": 'Basic realm="Twilio API"' }
        : "retryAfterSeconds" in err
          ? { "retry-after": String(err.retryAfterSeconds) }
          : undefined,
  };
}

/** A path SID with a NUL or control character names nothing: 404 before any query (docs/security.md "API input"). */
async function assertPathParams(ctx: unknown): Promise<void> {
  const params = (ctx as { params?: Promise<Record<string, string | string[]>> } | undefined)?.params;
  if (!params) return;
  for (const v of Object.values(await params)) {
    if ((Array.isArray(v) ? v : [v]).some((s) => typeof s === "string" && /[\u0000-\u001f\u007f]/.test(s))) throw notFound();
  }
}

/**
 * Wraps a route handler so that every thrown error is answered as errorResult() says,
 * and its log lines carry the request id the front server gave the request.
 */
export function apiHandler<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> =>
    requestContext.run({ requestId: requestIdFrom(req.headers.get("x-request-id") ?? undefined) }, () =>
      // The credentials check names the actor on this context (docs/audit.md "Who acted").
      runWithAuditContext({ source: "api" }, async () => {
        try {
          await assertPathParams(ctx);
          return await fn(req, ctx);
        } catch (err) {
          return toResponse(errorResult(err));
        }
      }),
    );
}
