"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { requirePermission } from "@/lib/server/auth/session";
import { sessionCookie } from "@/lib/server/auth/session-cookie";
import {
  createSecondaryAuthToken,
  deleteSecondaryAuthToken,
  promoteSecondaryAuthToken,
  revealAuthToken,
} from "@/lib/server/services/accounts/auth-tokens";
import { changePassword } from "@/lib/server/services/users/change-password";
import { createInvite, revokeInvite } from "@/lib/server/services/users/invites";
import { changeUserRole, removeUser } from "@/lib/server/services/users/team-members";
import { changePasswordSchema, changeRoleSchema, createInviteSchema, inviteIdSchema, userIdSchema } from "@/lib/server/services/users/team-schema";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

/** Team, profile and auth-token actions (docs/team.md); each names the permission its role must hold. */

export async function createInviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    createInviteSchema,
    formToObject(form),
    async ({ role }, viewer) => {
      const invite = await createInvite(viewer.accountSid, viewer.userId, role);
      revalidatePath("/settings/team");
      // A path: the page prefixes the origin the owner is using (there is no mail server to send it).
      return { id: invite.id, role: invite.role, path: `/invite/${invite.token}`, expiresAt: invite.expiresAt.toISOString() };
    },
    () => "Invite link created. Copy it now: it is not shown again.",
    { permission: "users.manage" },
  );
}

export async function revokeInviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    inviteIdSchema,
    formToObject(form),
    async ({ id }, viewer) => {
      await revokeInvite(viewer.accountSid, id);
      revalidatePath("/settings/team");
      return { id };
    },
    () => "Invite revoked",
    { permission: "users.manage" },
  );
}

export async function changeUserRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    changeRoleSchema,
    formToObject(form),
    async ({ userId, role }, viewer) => {
      const user = await changeUserRole(viewer.accountSid, userId, role);
      revalidatePath("/settings/team");
      return { userId: user.id, email: user.email, role: user.role };
    },
    (u) => `${u.email} is now ${u.role.replace("_", "-")}`,
    { permission: "users.manage" },
  );
}

export async function removeUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    userIdSchema,
    formToObject(form),
    async ({ userId }, viewer) => {
      const removed = await removeUser(viewer.accountSid, userId);
      revalidatePath("/settings/team");
      return removed;
    },
    (u) => `Removed ${u.email}`,
    { permission: "users.manage" },
  );
}

/**
 * Changes the viewer's own password: every session signed in so far is
 * revoked, and this browser gets a new session issued after the revocation,
 * so the user stays signed in here only (docs/team.md "Change password").
 */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    changePasswordSchema,
    formToObject(form),
    async ({ currentPassword, newPassword }, viewer) => {
      const { user, revokedAt } = await changePassword(viewer.userId, currentPassword, newPassword);
      const cookie = await sessionCookie(user, revokedAt.getTime() + 1);
      (await cookies()).set(cookie.name, cookie.value, cookie.options);
      return {};
    },
    () => "Password changed. Other sessions were signed out.",
    { permission: "profile.manage" },
  );
}

export async function createSecondaryAuthTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({}),
    formToObject(form),
    async (_d, viewer) => {
      const created = await createSecondaryAuthToken(viewer.accountSid);
      revalidatePath("/settings");
      return { createdAt: created.createdAt.toISOString() };
    },
    () => "Secondary auth token created",
    { permission: "credentials.manage" },
  );
}

export async function promoteSecondaryAuthTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({}),
    formToObject(form),
    async (_d, viewer) => {
      await promoteSecondaryAuthToken(viewer.accountSid);
      revalidatePath("/settings");
      return {};
    },
    () => "Secondary token promoted: the old auth token no longer works",
    { permission: "credentials.manage" },
  );
}

export async function deleteSecondaryAuthTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({}),
    formToObject(form),
    async (_d, viewer) => {
      await deleteSecondaryAuthToken(viewer.accountSid);
      revalidatePath("/settings");
      return {};
    },
    () => "Secondary auth token deleted",
    { permission: "credentials.manage" },
  );
}

/** The secondary auth token, fetched only when the owner asks to see it (never in the page's HTML). */
export async function revealSecondaryAuthTokenAction(): Promise<string> {
  const viewer = await requirePermission("credentials.manage");
  return revealAuthToken(viewer.accountSid, "secondary");
}
