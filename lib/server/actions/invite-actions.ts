"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/server/actions/action-state";
import { AppError } from "@/lib/server/errors";
import { errFields, log } from "@/lib/server/observability/logger";
import { acceptInvite } from "@/lib/server/services/users/accept-invite";
import { acceptInviteSchema } from "@/lib/server/services/users/team-schema";
import { sessionCookie } from "@/lib/server/auth/session-cookie";

/**
 * The invite page's action (docs/team.md "Invites"). Like sign-in it runs
 * without a session, so it cannot go through runAction: the single-use link
 * is its credential. Success signs the new user in and opens the console.
 */
export async function acceptInviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const at = Date.now();
  const parsed = acceptInviteSchema.safeParse({
    token: form.get("token"),
    name: form.get("name"),
    email: form.get("email"),
    password: form.get("password"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "_form"] ??= []).push(issue.message);
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, at };
  }
  try {
    const user = await acceptInvite(parsed.data);
    const cookie = await sessionCookie(user);
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
  } catch (err) {
    if (err instanceof AppError) {
      return { ok: false, message: err.message, code: err.code, fieldErrors: err.field ? { [err.field]: [err.message] } : undefined, at };
    }
    log.error(errFields(err), "accepting an invite failed");
    return { ok: false, message: "Something went wrong. Please try again.", at };
  }
  redirect("/services");
}
