import { db, type Tx } from "@/lib/server/db/client";

/**
 * Revokes every session the user has signed in so far (sign-out, and a
 * password change must call it): currentViewer refuses a JWT signed in
 * before this moment (docs/security.md "Sessions"). Returns that moment, so
 * a caller that re-signs the current browser in can issue a session after it.
 * `tx` lets a password change revoke in the transaction that changes the hash.
 */
export async function revokeUserSessions(userId: string, tx: Tx | typeof db = db): Promise<Date> {
  const at = new Date();
  await tx.user.updateMany({ where: { id: userId }, data: { sessionsValidAfter: at } });
  return at;
}
