"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/server/security/auth-throttle";
import { safeCallbackPath } from "@/lib/server/security/safe-callback-path";
import { revokeUserSessions } from "@/lib/server/auth/revoke-sessions";
import { currentViewer } from "@/lib/server/auth/session";
import { sessionCookie, sessionCookieNames } from "@/lib/server/auth/session-cookie";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";

export interface SignInState {
  error?: string;
  /** The email typed, kept in the form after a failed attempt (never the password). */
  email?: string;
}

/**
 * The sign-in form's action: a POST (progressively enhanced: the same action
 * answers the form without JavaScript), so credentials never travel in a URL.
 * Sets next-auth's session cookie and redirects to a relative path, so the
 * user lands on whatever host name they opened the console by.
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const h = await headers();
  const outcome = await verifyCredentials({ email, password: String(form.get("password") ?? "") }, clientIp((n) => h.get(n)));
  if (!outcome.ok) {
    // Throttled (docs/security.md "Throttling"): the lock is said, the reason a password failed is not.
    return { error: outcome.locked ? "Too many attempts. Wait a few minutes, then try again." : "Wrong email or password.", email };
  }
  const cookie = await sessionCookie(outcome.user);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  // Same-origin paths only: `//host` or `/\host` would send the user elsewhere (docs/security.md "Sign-in").
  redirect(safeCallbackPath(form.get("callbackUrl")));
}

/**
 * Sign-out: revokes the user's sessions (a JWT cannot be recalled, docs/security.md "Sessions"), clears
 * the session cookie and goes to the sign-in page (relative, same host).
 */
export async function signOutAction(): Promise<void> {
  const viewer = await currentViewer();
  if (viewer) await revokeUserSessions(viewer.userId);
  const jar = await cookies();
  for (const name of sessionCookieNames(jar.getAll().map((c) => c.name))) jar.delete(name);
  redirect("/login");
}
