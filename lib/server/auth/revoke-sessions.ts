import { db } from "@/lib/server/db/client";

/**
 * Revokes every session the user has signed in so far (sign-out, and a
 * password change must call it): currentViewer refuses a JWT signed in
 * before this moment (docs/security.md "Sessions").
 */
export async function revokeUserSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionsValidAfter: new Date() } });
}
