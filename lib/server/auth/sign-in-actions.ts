"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookie, sessionCookieNames } from "./session-cookie";
import { verifyCredentials } from "./verify-credentials";

export interface SignInState {
  error?: string;
  /** The email typed, kept in the form after a failed attempt (never the password). */
  email?: string;
}

/** Only paths on this console: an absolute or protocol-relative URL would send the user elsewhere. */
function safeCallback(raw: FormDataEntryValue | null): string {
  const v = typeof raw === "string" ? raw : "";
  return v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/services";
}

/**
 * The sign-in form's action: a POST (progressively enhanced: the same action
 * answers the form without JavaScript), so credentials never travel in a URL.
 * Sets next-auth's session cookie and redirects to a relative path, so the
 * user lands on whatever host name they opened the console by.
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const user = await verifyCredentials({ email, password: String(form.get("password") ?? "") });
  if (!user) return { error: "Wrong email or password.", email };
  const cookie = await sessionCookie(user);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect(safeCallback(form.get("callbackUrl")));
}

/** Sign-out: clears the session cookie and goes to the sign-in page (relative, same host). */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const name of sessionCookieNames(jar.getAll().map((c) => c.name))) jar.delete(name);
  redirect("/login");
}
