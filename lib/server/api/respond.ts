import { AppError } from "@/lib/server/errors";

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

export const noContent = () => new Response(null, { status: 204 });

/** Twilio's classic error body; twilio-node's RestException reads exactly these keys. */
export function errorResponse(err: AppError): Response {
  return json(
    { code: err.code, message: err.message, more_info: `https://www.twilio.com/docs/errors/${err.code}`, status: err.status },
    err.status,
  );
}

/**
 * Wraps a route handler: AppErrors become Twilio error JSON, anything else
 * is logged and answered with a generic 500 (no internals leak out).
 */
export function apiHandler<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await fn(req, ctx);
    } catch (err) {
      if (err instanceof AppError) {
        const res = errorResponse(err);
        if (err.status === 401) res.headers.set("www-authenticate", 'Basic realm="Twilio API"');
        return res;
      }
      console.error("API error", err);
      return errorResponse(new AppError(20500, "Internal Server Error", 500));
    }
  };
}
