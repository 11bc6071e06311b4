import { AppError } from "@/lib/server/errors";
import { requestContext, requestIdFrom } from "@/lib/server/observability/request-context";
import { errFields, log } from "@/lib/server/observability/logger";

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

/**
 * How the API answers a thrown error: an AppError is Twilio's classic error
 * body (twilio-node's RestException reads exactly these keys); anything else
 * is logged and answered with a generic 500, so no internals leak out.
 */
export function errorResult(err: unknown): ApiResult {
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

/**
 * Wraps a route handler so that every thrown error is answered as errorResult() says,
 * and its log lines carry the request id the front server gave the request.
 */
export function apiHandler<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> =>
    requestContext.run({ requestId: requestIdFrom(req.headers.get("x-request-id") ?? undefined) }, async () => {
      try {
        return await fn(req, ctx);
      } catch (err) {
        return toResponse(errorResult(err));
      }
    });
}
