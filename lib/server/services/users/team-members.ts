import "server-only";
import type { Role } from "@/lib/core/auth/roles";
import { db, type Tx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

export async function listTeamMembers(accountSid: string): Promise<TeamMember[]> {
  return db.user.findMany({
    where: { accountSid },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
}

const lastOwner = () => new AppError(20409, "The account must keep at least one owner. Make another user an owner first.", 409);

/**
 * Locks the account's owners and the target user (so two owners demoting each
 * other at once cannot both succeed and leave none), and refuses a change that
 * would leave no owner.
 */
async function lockAndCheck(tx: Tx, accountSid: string, userId: string, staysOwner: boolean): Promise<{ role: Role }> {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE account_sid = ${accountSid} AND role = 'owner' ORDER BY id FOR UPDATE`;
  const [target] = await tx.$queryRaw<{ role: Role }[]>`
    SELECT role::text AS role FROM users WHERE id = ${userId} AND account_sid = ${accountSid} FOR UPDATE`;
  if (!target) throw notFound("No user with this ID in this account");
  if (target.role === "owner" && !staysOwner && owners.length <= 1) throw lastOwner();
  return target;
}

/** Changes a user's role; effective on the user's next request (the viewer is re-read each call). */
export async function changeUserRole(accountSid: string, userId: string, role: Role): Promise<TeamMember> {
  return db.$transaction(async (tx) => {
    const before = await lockAndCheck(tx, accountSid, userId, role === "owner");
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
    await recordAudit(tx, { accountSid, action: "user.update_role", resource: { type: "user", sid: userId }, before: { email: updated.email, role: before.role }, after: { email: updated.email, role } });
    return updated;
  });
}

/** Removes a user of the account; the user's sessions stop at once (currentViewer finds no user). */
export async function removeUser(accountSid: string, userId: string): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const before = await lockAndCheck(tx, accountSid, userId, false);
    const removed = await tx.user.delete({ where: { id: userId }, select: { email: true } });
    await recordAudit(tx, { accountSid, action: "user.delete", resource: { type: "user", sid: userId }, before: { email: removed.email, role: before.role } });
    return removed;
  });
}
