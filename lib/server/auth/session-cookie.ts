import { encode } from "next-auth/jwt";
import type { SignedInUser } from "./verify-credentials";
import { config } from "@/lib/server/config";

/**
 * The next-auth (v4) session cookie, written by our own sign-in action so the
 * form is a plain POST with and without JavaScript (docs/operations.md
 * "Starting and stopping", sign-in): same name, same JWT (encrypted with
 * NEXTAUTH_SECRET), same claims as next-auth's credentials callback, so
 * getServerSession reads it unchanged. Secure (`__Secure-` prefix) when the
 * console is served over https, as next-auth decides it.
 */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

function secure(): boolean {
  return (config().NEXTAUTH_URL ?? config().PUBLIC_BASE_URL ?? "").startsWith("https://");
}

export function sessionCookieName(isSecure = secure()): string {
  return `${isSecure ? "__Secure-" : ""}next-auth.session-token`;
}

/** Every name next-auth may have used for the session (either prefix, chunked or not), to clear on sign-out. */
export function sessionCookieNames(present: string[]): string[] {
  return present.filter((n) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(n));
}

/** `signedInAt` defaults to now; a password change passes a moment just after the revocation it made (docs/team.md "Change password"). */
export async function sessionCookie(user: SignedInUser, signedInAt = Date.now()): Promise<{ name: string; value: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number } }> {
  const secret = config().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  // The claims next-auth's jwt step produces (options.ts callbacks.jwt): sub, name, email, picture, uid, accountSid,
  // signedInAt (a session signed in before the user's sessions were revoked is refused, docs/security.md "Sessions").
  const token = { sub: user.id, name: user.name, email: user.email, picture: null, uid: user.id, accountSid: user.accountSid, signedInAt };
  const value = await encode({ token, secret, maxAge: SESSION_MAX_AGE_S });
  return { name: sessionCookieName(), value, options: { httpOnly: true, sameSite: "lax", path: "/", secure: secure(), maxAge: SESSION_MAX_AGE_S } };
}
