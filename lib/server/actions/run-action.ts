import "server-only";
import { z } from "zod";
import { DEFAULT_PERMISSION, type Permission } from "@/lib/core/auth/roles";
import { assertCan, requireViewer, type Viewer } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { consoleActor, runWithAuditContext } from "@/lib/server/audit-context";
import type { ActionState } from "./action-state";
import { errFields, log } from "@/lib/server/observability/logger";

/** Turns FormData into a plain object; repeated keys become arrays, unchecked checkboxes are absent. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    const prev = out[key];
    out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export interface ActionOptions {
  /**
   * What the viewer's role must allow (docs/team.md "Roles"). Without one an
   * action requires DEFAULT_PERMISSION (owners and admins), never "anyone".
   */
  permission?: Permission;
}

/**
 * The one chain every server action goes through: signed-in check, the
 * role's permission, zod parse, the service call, and error mapping
 * (expected errors to the user, anything else logged and answered generically).
 * A refused role is checked before the input is even parsed, so it learns nothing.
 */
export async function runAction<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  handler: (data: z.infer<S>, viewer: Viewer) => Promise<R>,
  success: (result: R) => string,
  options: ActionOptions = {},
): Promise<ActionState> {
  const at = Date.now();
  try {
    const viewer = await requireViewer();
    assertCan(viewer, options.permission ?? DEFAULT_PERMISSION);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join(".") || "_form";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, at };
    }
    // Who acted, for the audit events the services record (docs/audit.md "Who acted").
    const result = await runWithAuditContext({ source: "console", actor: consoleActor(viewer) }, () => handler(parsed.data, viewer));
    return { ok: true, message: success(result), at, data: toData(result) };
  } catch (err) {
    if (err instanceof AppError) {
      return {
        ok: false,
        message: err.message,
        code: err.code,
        fieldErrors: err.field ? { [err.field]: [err.message] } : undefined,
        at,
      };
    }
    // Redirects and notFound() from next/navigation are thrown; let them through.
    if (err && typeof err === "object" && "digest" in err) throw err;
    log.error(errFields(err), "action failed");
    return { ok: false, message: "Something went wrong. Please try again.", at };
  }
}

function toData(result: unknown): Record<string, unknown> | undefined {
  return result && typeof result === "object" && !Array.isArray(result) ? (result as Record<string, unknown>) : undefined;
}
