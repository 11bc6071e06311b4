import "server-only";
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/core/auth/roles";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { assertPasswordPolicy } from "@/lib/server/security/password-policy";
import { hashInviteToken, invalidInvite } from "./invites";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

export interface AcceptInviteInput {
  token: string;
  name: string;
  email: string;
  password: string;
}

export interface AcceptedUser {
  id: string;
  email: string;
  name: string;
  accountSid: string;
  role: Role;
}

/**
 * Turns a sign-up link into a user, once (docs/team.md "Invites"): the invite
 * is claimed by a conditional update in the transaction that creates the user,
 * so two submissions of the same link cannot both succeed, and a refused
 * email leaves the link usable.
 */
export async function acceptInvite(input: AcceptInviteInput, now = new Date()): Promise<AcceptedUser> {
  const email = input.email.trim().toLowerCase();
  assertPasswordPolicy(input.password, email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const [invite] = await tx.$queryRaw<{ id: string; account_sid: string; role: Role }[]>`
        UPDATE user_invites SET accepted_at = ${now}
        WHERE token_hash = ${hashInviteToken(input.token)} AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ${now}
        RETURNING id, account_sid, role::text AS role`;
      if (!invite) throw invalidInvite();
      const user = await tx.user.create({
        data: { id: randomUUID(), accountSid: invite.account_sid, email, name: input.name.trim(), passwordHash, role: invite.role },
        select: { id: true, email: true, name: true, accountSid: true, role: true },
      });
      await tx.userInvite.update({ where: { id: invite.id }, data: { acceptedUserId: user.id } });
      // No session yet: the event's actor is "system"; the new user's email and role are the "after".
      await recordAudit(tx, { accountSid: invite.account_sid, action: "user.accept_invite", resource: { type: "user", sid: user.id }, after: { email: user.email, role: user.role, invite: invite.id } });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(20409, "A user with this email already exists. Use another email.", 409, "email");
    throw err;
  }
}
