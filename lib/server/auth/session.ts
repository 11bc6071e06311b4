import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { authOptions } from "./options";

export interface Viewer {
  userId: string;
  email: string;
  accountSid: string;
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
  const user = await db.user.findUnique({ where: { id: uid }, select: { id: true, email: true, accountSid: true, sessionsValidAfter: true } });
  if (!user) return null;
  if (user.sessionsValidAfter && (session.signedInAt ?? 0) <= user.sessionsValidAfter.getTime()) return null;
  return { userId: user.id, email: user.email, accountSid: user.accountSid };
}

/** For pages: redirect to sign-in when there is no session. */
export async function requireViewerPage(): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** For server actions and route handlers: throw (answered as 401) when there is no session. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) throw new AppError(20003, "Authentication required", 401);
  return viewer;
}
