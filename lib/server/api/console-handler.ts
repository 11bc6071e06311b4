import type { Permission } from "@/lib/core/auth/roles";
import { requirePermission, type Viewer } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { errFields, log } from "@/lib/server/observability/logger";

/**
 * Route handlers behind the console (session cookie, not API credentials): JSON errors, same mapping as actions.
 * The role must grant `permission` (docs/team.md "Roles"); without one, reading (GET/HEAD) needs
 * "logs.view" and anything else what an unannotated action needs (owners and admins).
 */
export function consoleHandler<C>(fn: (req: Request, viewer: Viewer, ctx: C) => Promise<Response>, permission?: Permission) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const reading = req.method === "GET" || req.method === "HEAD";
      return await fn(req, await requirePermission(permission ?? (reading ? "logs.view" : undefined)), ctx);
    } catch (err) {
      if (err instanceof AppError) return Response.json({ code: err.code, message: err.message }, { status: err.status });
      log.error(errFields(err), "console route failed");
      return Response.json({ code: 20500, message: "Something went wrong" }, { status: 500 });
    }
  };
}
