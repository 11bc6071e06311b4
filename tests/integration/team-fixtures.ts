import { randomBytes } from "node:crypto";
import type { Session } from "next-auth";
import type { Role } from "@/lib/core/auth/roles";
import { authOptions } from "@/lib/server/auth/options";
import { createAccount } from "@/lib/server/services/accounts/create-account";
import { acceptInvite } from "@/lib/server/services/users/accept-invite";
import { createInvite } from "@/lib/server/services/users/invites";

export const hex = (n: number) => randomBytes(n).toString("hex");
export const PASSWORD = "long-enough-pass";

export interface TeamUser {
  id: string;
  email: string;
  name: string;
  accountSid: string;
  role: Role;
}

/** What next-auth hands getServerSession for a JWT issued by our jwt callback at sign-in. */
export async function sessionFor(user: TeamUser): Promise<Session> {
  const token = await authOptions.callbacks!.jwt!({ token: { email: user.email, name: user.name }, user, account: null, trigger: "signIn" } as never);
  return (await authOptions.callbacks!.session!({ session: { expires: "" } as Session, token, user } as never)) as Session;
}

/** An account with its owner and one user of each other role, each joined through an invite (the real path). */
export async function team(): Promise<{ accountSid: string; authToken: string; users: Record<Role, TeamUser> }> {
  const { account, user } = await createAccount({ friendlyName: "Team", email: `own-${hex(5)}@int.test`, password: PASSWORD });
  const owner: TeamUser = { id: user.id, email: user.email, name: user.name, accountSid: account.sid, role: "owner" };
  const join = async (role: Role): Promise<TeamUser> => {
    const invite = await createInvite(account.sid, owner.id, role);
    return acceptInvite({ token: invite.token, name: role, email: `${role.replace("_", "")}-${hex(5)}@int.test`, password: PASSWORD });
  };
  return {
    accountSid: account.sid,
    authToken: account.authToken,
    users: { owner, admin: await join("admin"), developer: await join("developer"), read_only: await join("read_only") },
  };
}

/** A FormData from a plain object (what a console form posts). */
export function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

export const prev = { ok: false } as const;
