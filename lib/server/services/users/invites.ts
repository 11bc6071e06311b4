import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Role } from "@/lib/core/auth/roles";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/** How long a sign-up link works (docs/team.md "Invites"). */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Only this hash is stored: a copy of the database does not hold working links. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface CreatedInvite {
  id: string;
  role: Role;
  /** The link's secret, returned once (the link is shown with a copy button; there is no mail server). */
  token: string;
  expiresAt: Date;
}

export async function createInvite(accountSid: string, createdBy: string, role: Role, now = new Date()): Promise<CreatedInvite> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const invite = await db.$transaction(async (tx) => {
    const created = await tx.userInvite.create({
      data: { id: randomUUID(), accountSid, role, tokenHash: hashInviteToken(token), createdBy, createdAt: now, expiresAt },
      select: { id: true, role: true },
    });
    await recordAudit(tx, { accountSid, action: "user.invite", resource: { type: "user", sid: created.id }, after: { role, expiresAt } });
    return created;
  });
  return { ...invite, token, expiresAt };
}

/** Revokes a pending invite of this account; another account's, or one already used, is not found. */
export async function revokeInvite(accountSid: string, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const revokedAt = new Date();
    const { count } = await tx.userInvite.updateMany({
      where: { id, accountSid, acceptedAt: null, revokedAt: null },
      data: { revokedAt },
    });
    if (count === 0) throw notFound("No pending invite with this ID");
    await recordAudit(tx, { accountSid, action: "user.revoke_invite", resource: { type: "user", sid: id }, before: { revokedAt: null }, after: { revokedAt } });
  });
}

export interface PendingInvite {
  id: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  createdByEmail: string | null;
}

/** The account's invites not yet used, revoked or expired, newest first. */
export async function listPendingInvites(accountSid: string, now = new Date()): Promise<PendingInvite[]> {
  const rows = await db.userInvite.findMany({
    where: { accountSid, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true, creator: { select: { email: true } } },
  });
  return rows.map((r) => ({ id: r.id, role: r.role, createdAt: r.createdAt, expiresAt: r.expiresAt, createdByEmail: r.creator?.email ?? null }));
}

export interface InviteForSignUp {
  role: Role;
  accountName: string;
  expiresAt: Date;
}

/** What the invite page shows for a link that still works; anything else is one answer (not found). */
export async function findUsableInvite(token: string, now = new Date()): Promise<InviteForSignUp> {
  const invite = await db.userInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { role: true, expiresAt: true, acceptedAt: true, revokedAt: true, account: { select: { friendlyName: true } } },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= now) throw invalidInvite();
  return { role: invite.role, accountName: invite.account.friendlyName, expiresAt: invite.expiresAt };
}

/** Used, revoked, expired and unknown links look the same: the page says so without telling which. */
export const invalidInvite = () => new AppError(20404, "This invite link is not valid: it was used, revoked or has expired.", 404);
