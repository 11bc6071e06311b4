import { requireViewer, type Viewer } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { errFields, log } from "@/lib/server/observability/logger";

/** Route handlers behind the console (session cookie, not API credentials): JSON errors, same mapping as actions. */
export function consoleHandler<C>(fn: (req: Request, viewer: Viewer, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await fn(req, await requireViewer(), ctx);
    } catch (err) {
      if (err instanceof AppError) return Response.json({ code: err.code, message: err.message }, { status: err.status });
      log.error(errFields(err), "console route failed");
      return Response.json({ code: 20500, message: "Something went wrong" }, { status: 500 });
    }
  };
}
