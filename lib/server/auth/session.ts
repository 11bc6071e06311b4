import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { PAGE_PATH_HEADER } from "@/lib/server/security/page-path";
import { db } from "@/lib/server/db/client";
import { can, DEFAULT_PERMISSION, type Permission, type Role } from "@/lib/core/auth/roles";
import { AppError } from "@/lib/server/errors";
import { authOptions } from "./options";

export interface Viewer {
  userId: string;
  email: string;
  accountSid: string;
  /** Read from the database on every call, so a changed role takes effect at once (docs/team.md "Roles"). */
  role: Role;
}

/**
 * The signed-in user, re-checked against the database on every call: a
 * deleted user's still-valid JWT must not keep working, nor one signed in
 * before the user signed out or changed the password (docs/security.md "Sessions").
 */
export async function currentViewer(): Promise<Viewer | null> {
  const session = await getServerSession(authOptions);
  const uid = session?.user?.id;
  if (!uid) return null;
  const user = await db.user.findUnique({ where: { id: uid }, select: { id: true, email: true, accountSid: true, sessionsValidAfter: true, role: true } });
  if (!user) return null;
  if (user.sessionsValidAfter && (session.signedInAt ?? 0) <= user.sessionsValidAfter.getTime()) return null;
  return { userId: user.id, email: user.email, accountSid: user.accountSid, role: user.role };
}

/**
 * For pages: redirect to sign-in when there is no session, asking it to come
 * back to the page that was opened (the path the proxy recorded; sign-in
 * accepts only a same-origin path, docs/security.md "Sign-in").
 */
export async function requireViewerPage(): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) {
    const path = (await headers()).get(PAGE_PATH_HEADER);
    redirect(path && path !== "/" && !path.startsWith("/login") ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login");
  }
  return viewer;
}

/** For server actions and route handlers: throw (answered as 401) when there is no session. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) throw new AppError(20003, "Authentication required", 401);
  return viewer;
}

/** The error a signed-in user gets for something the role does not allow (docs/team.md "Roles"). */
export const forbidden = () => new AppError(20403, "Your role does not allow this.", 403);

/** Throws 403 unless the viewer's role grants `permission`. */
export function assertCan(viewer: Viewer, permission: Permission = DEFAULT_PERMISSION): void {
  if (!can(viewer.role, permission)) throw forbidden();
}

/** For server actions and route handlers that need a permission: 401 without a session, 403 without the permission. */
export async function requirePermission(permission: Permission = DEFAULT_PERMISSION): Promise<Viewer> {
  const viewer = await requireViewer();
  assertCan(viewer, permission);
  return viewer;
}

/**
 * For pages a role may not open: Next's not-found page (a 404, so the page's
 * existence is not confirmed to a role that cannot use it).
 */
export async function requirePagePermission(permission: Permission): Promise<Viewer> {
  const viewer = await requireViewerPage();
  if (!can(viewer.role, permission)) notFound();
  return viewer;
}
