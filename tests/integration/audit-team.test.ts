import type { Session } from "next-auth";
import { describe, expect, it, vi } from "vitest";

/**
 * The team features' changes are in the audit log (docs/audit.md "What is
 * recorded"): invites, joining, role changes, removal and auth token
 * rotation, each with its actor, and never a token value.
 */
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("server-only", () => ({}));
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => session.current }));
vi.mock("next/cache", async (orig) => ({ ...(await orig<typeof import("next/cache")>()), revalidatePath: () => undefined }));

const { db } = await import("@/lib/server/db/client");
const team = await import("@/lib/server/actions/team-actions");
const { team: makeTeam, sessionFor, form, prev } = await import("./team-fixtures");

const actionsOf = async (accountSid: string) =>
  (await db.auditEvent.findMany({ where: { accountSid }, orderBy: { id: "asc" } })).map((e) => ({ action: e.action, actor: e.actorLabel, resource: e.resourceSid, before: e.before, after: e.after }));

describe("audit log: team features", () => {
  it("records invites, joins, role changes, removal and token rotation, with no token value", async () => {
    const t = await makeTeam();
    const owner = t.users.owner;
    // The fixture's joins: an invite (actor system: no session in the fixture) and its acceptance, per role.
    const joined = (await actionsOf(t.accountSid)).filter((e) => e.action === "user.accept_invite");
    expect(joined.map((e) => (e.after as { role: string }).role).sort()).toEqual(["admin", "developer", "read_only"]);

    session.current = await sessionFor(owner);
    expect(await team.changeUserRoleAction(prev, form({ userId: t.users.developer.id, role: "read_only" }))).toMatchObject({ ok: true });
    expect(await team.removeUserAction(prev, form({ userId: t.users.admin.id }))).toMatchObject({ ok: true });
    expect(await team.createSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: true });
    expect(await team.promoteSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: true });
    // Refused (no secondary left): records nothing.
    expect(await team.deleteSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: false });

    const events = (await actionsOf(t.accountSid)).filter((e) => e.actor === owner.email);
    expect(events.map((e) => e.action)).toEqual(["user.update_role", "user.delete", "account.rotate_token", "account.promote_token"]);
    expect(events[0]).toMatchObject({ resource: t.users.developer.id, before: { role: "developer" }, after: { role: "read_only" } });
    expect(events[1]).toMatchObject({ resource: t.users.admin.id, before: { role: "admin" } });

    const account = await db.account.findUniqueOrThrow({ where: { sid: t.accountSid } });
    const stored = JSON.stringify(await db.auditEvent.findMany({ where: { accountSid: t.accountSid }, select: { before: true, after: true } }));
    expect(stored).not.toContain(account.authToken);
    expect(stored).not.toContain(t.authToken);
  });
});
