/**
 * Console roles and what each may do (docs/team.md "Roles"). Pure data: the
 * server enforces it (runAction, console route handlers, page loaders) and
 * the console hides controls with the same table.
 */
export const ROLES = ["owner", "admin", "developer", "read_only"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  read_only: "Read-only",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including users and the account's auth tokens.",
  admin: "Everything but users and the account's auth tokens.",
  developer: "Messaging services, sending and API keys; not numbers, carriers, domains, retention or users.",
  read_only: "Sees services, message logs, Insights and alerts; changes nothing.",
};

export const PERMISSIONS = [
  /** Message logs, Insights, alerts, conversations, services' and numbers' settings (read). */
  "logs.view",
  /** Send Test, simulated replies, conversation replies. */
  "messages.send",
  /** Messaging services and everything inside one: sender pool, integration, content, opt-out, links, A2P compliance. */
  "services.manage",
  /** Create and delete API keys (SK…). */
  "apiKeys.manage",
  /** Buy, configure and release phone numbers and short codes (money and the account's inventory). */
  "numbers.manage",
  /** Carriers, carrier routes, a sender's carrier. */
  "carriers.manage",
  /** Link shortening domains and their certificates. */
  "domains.manage",
  /** Account-wide settings (message retention); also what an action that names no permission requires. */
  "account.manage",
  /** Invite users, revoke invites, change roles, remove users. */
  "users.manage",
  /** The account's auth tokens: reveal, create a secondary, promote it, delete it. */
  "credentials.manage",
  /** One's own profile: change one's own password. */
  "profile.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What every action requires unless it names a permission: owners and admins only, never "anyone". */
export const DEFAULT_PERMISSION: Permission = "account.manage";

const ALL: readonly Permission[] = PERMISSIONS;
const ADMIN: readonly Permission[] = PERMISSIONS.filter((p) => p !== "users.manage" && p !== "credentials.manage");

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: ALL,
  admin: ADMIN,
  developer: ["logs.view", "messages.send", "services.manage", "apiKeys.manage", "profile.manage"],
  read_only: ["logs.view", "profile.manage"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may do what `permission` covers. An unknown role may do nothing. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role || !isRole(role)) return false;
  return ROLE_PERMISSIONS[role].includes(permission);
}
