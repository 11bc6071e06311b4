import { z } from "zod";
import { ROLES } from "@/lib/core/auth/roles";
import { MAX_LENGTH } from "@/lib/server/security/password-policy";

/** Shared by the team actions and their services (docs/team.md). */
export const roleSchema = z.enum(ROLES, { message: "Choose a role" });

export const createInviteSchema = z.object({ role: roleSchema });
export const inviteIdSchema = z.object({ id: z.string().min(1).max(64) });
export const changeRoleSchema = z.object({ userId: z.string().min(1).max(64), role: roleSchema });
export const userIdSchema = z.object({ userId: z.string().min(1).max(64) });

export const acceptInviteSchema = z.object({
  token: z.string().min(1).max(128),
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: z.string().trim().toLowerCase().email("Enter an email address").max(254),
  password: z.string().min(1, "Choose a password").max(MAX_LENGTH),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(MAX_LENGTH),
    newPassword: z.string().min(1, "Choose a new password").max(MAX_LENGTH),
    confirmPassword: z.string().max(MAX_LENGTH),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" });
