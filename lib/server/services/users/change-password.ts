import "server-only";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { revokeUserSessions } from "@/lib/server/auth/revoke-sessions";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { assertNotLocked, recordFailure, THRESHOLDS, throttleKey } from "@/lib/server/security/auth-throttle";
import { assertPasswordPolicy } from "@/lib/server/security/password-policy";

export interface ChangedPassword {
  user: { id: string; email: string; name: string; accountSid: string };
  /** When the user's earlier sessions were revoked: the caller re-signs this browser in after it. */
  revokedAt: Date;
}

/**
 * Changes the signed-in user's password (docs/team.md "Change password"):
 * the current password must match, the new one pass the policy and differ
 * from it; the new hash and the revocation of every session signed in so far
 * are one transaction.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<ChangedPassword> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, accountSid: true, passwordHash: true } });
  if (!user) throw notFound("No such user");
  // Guesses of the current password count with the sign-in's per-email throttle (docs/security.md "Throttling"):
  // a stolen session must not become a password oracle.
  const emailKey = throttleKey("email", user.email);
  await assertNotLocked([emailKey]);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordFailure([{ key: emailKey, threshold: THRESHOLDS.email }]);
    throw new AppError(20003, "The current password is wrong.", 400, "currentPassword");
  }
  if (currentPassword === newPassword) throw new AppError(20001, "Choose a password different from the current one.", 400, "newPassword");
  try {
    assertPasswordPolicy(newPassword, user.email);
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, err.message, err.status, "newPassword");
    throw err;
  }
  const passwordHash = await hashPassword(newPassword);
  const revokedAt = await db.$transaction(async (tx) => {
    // Only if unchanged since read: two changes at once must not both win with different passwords.
    const { count } = await tx.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (count === 0) throw new AppError(20409, "The password was changed meanwhile. Sign in again.", 409);
    return revokeUserSessions(userId, tx);
  });
  const { passwordHash: _omit, ...rest } = user;
  return { user: rest, revokedAt };
}
