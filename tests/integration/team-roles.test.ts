import type { Session } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Issue 19 "Team features": each role against a representative action of
 * each permission (docs/team.md "Roles"), through the real server actions and
 * console route handlers: allowed or refused (403, code 20403), and a refusal
 * changes nothing. Next's request store cannot run here, so revalidatePath
 * and the cookie jar are stand-ins; everything else is the real chain.
 */
const session = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "team-roles-test-secret-0123456789abcdef";
  return { current: null as Session | null, cookies: new Map<string, string>() };
});
vi.mock("server-only", () => ({}));
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => session.current }));
vi.mock("next/cache", async (orig) => ({ ...(await orig<typeof import("next/cache")>()), revalidatePath: () => undefined }));
vi.mock("next/headers", async (orig) => ({
  ...(await orig<typeof import("next/headers")>()),
  cookies: async () => ({ set: (name: string, value: string) => session.cookies.set(name, value) }),
}));

const { db } = await import("@/lib/server/db/client");
const { migrateQueueSchema } = await import("@/lib/server/pipeline/queue-schema");
const { createService } = await import("@/lib/server/services/messaging-services/create-service");
const { ownNumber } = await import("./pool-fixtures");
const { addPhoneNumberToService } = await import("@/lib/server/services/sender-pool/add-phone-number-to-service");
const { updateServiceAction } = await import("@/lib/server/actions/service-actions");
const { createApiKeyAction, revealAuthTokenAction } = await import("@/lib/server/actions/settings-actions");
const { updatePhoneNumberAction } = await import("@/lib/server/actions/numbers-actions");
const { updateMessageRetentionAction } = await import("@/lib/server/actions/retention-actions");
const { sendTestAction } = await import("@/lib/server/actions/send-test-actions");
const team = await import("@/lib/server/actions/team-actions");
const { GET: listMessagesRoute } = await import("@/app/api/console/messages/route");
const { team: makeTeam, sessionFor, form, prev, PASSWORD } = await import("./team-fixtures");
const { ROLES, can } = await import("@/lib/core/auth/roles");
const { authOptions } = await import("@/lib/server/auth/options");
type Role = (typeof ROLES)[number];
type Permission = Parameters<typeof can>[1];
type T = Awaited<ReturnType<typeof makeTeam>>;

let t: T;
let serviceSid: string;
let numberSid: string;

beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  t = await makeTeam();
  const service = await createService(t.accountSid, { friendlyName: "Roles" });
  serviceSid = service.sid;
  const n = await ownNumber(t.accountSid);
  numberSid = n.sid;
  await addPhoneNumberToService(t.accountSid, serviceSid, n.sid);
}, 120_000);

async function as(role: Role) {
  session.current = await sessionFor(t.users[role]);
}

/** One representative action per permission: run it, and read back what it would change. */
const probes: { permission: Permission; run: (role: Role) => Promise<{ ok: boolean; code?: number }>; state: () => Promise<unknown> }[] = [
  {
    permission: "services.manage",
    run: (role) => updateServiceAction(prev, form({ sid: serviceSid, friendlyName: `renamed by ${role}` })),
    state: async () => (await db.service.findUniqueOrThrow({ where: { sid: serviceSid } })).friendlyName,
  },
  {
    permission: "messages.send",
    run: () => sendTestAction(prev, form({ messagingServiceSid: serviceSid, to: "+14155550123", body: "role probe" })),
    state: () => db.message.count({ where: { accountSid: t.accountSid } }),
  },
  {
    permission: "apiKeys.manage",
    run: (role) => createApiKeyAction(prev, form({ friendlyName: `key of ${role}` })),
    state: () => db.apiKey.count({ where: { accountSid: t.accountSid } }),
  },
  {
    permission: "numbers.manage",
    run: (role) => updatePhoneNumberAction(prev, form({ sid: numberSid, friendlyName: `number of ${role}` })),
    state: async () => (await db.phoneNumber.findUniqueOrThrow({ where: { sid: numberSid } })).friendlyName,
  },
  {
    permission: "account.manage",
    run: (role) => updateMessageRetentionAction(prev, form({ messageRetentionDays: String(ROLES.indexOf(role) + 10) })),
    state: async () => (await db.account.findUniqueOrThrow({ where: { sid: t.accountSid } })).messageRetentionDays,
  },
  {
    permission: "users.manage",
    run: () => team.createInviteAction(prev, form({ role: "read_only" })),
    state: () => db.userInvite.count({ where: { accountSid: t.accountSid } }),
  },
  {
    permission: "credentials.manage",
    run: async () => {
      const s = await team.createSecondaryAuthTokenAction(prev, form({}));
      if (s.ok) await team.deleteSecondaryAuthTokenAction(prev, form({}));
      return s;
    },
    state: async () => (await db.account.findUniqueOrThrow({ where: { sid: t.accountSid } })).updatedAt.getTime(),
  },
];

describe("roles against actions", () => {
  for (const probe of probes) {
    for (const role of ["owner", "admin", "developer", "read_only"] as Role[]) {
      const allowed = can(role, probe.permission);
      it(`${role} ${allowed ? "may" : "may not"}: ${probe.permission}`, async () => {
        await as(role);
        const before = await probe.state();
        const state = await probe.run(role);
        if (allowed) {
          expect(state, JSON.stringify(state)).toMatchObject({ ok: true });
          expect(await probe.state()).not.toEqual(before);
        } else {
          expect(state).toMatchObject({ ok: false, code: 20403 });
          expect(await probe.state()).toEqual(before);
        }
      });
    }
  }

  it("revealing the auth token is for owners only", async () => {
    await as("owner");
    expect(await revealAuthTokenAction()).toBe(t.authToken);
    for (const role of ["admin", "developer", "read_only"] as Role[]) {
      await as(role);
      await expect(revealAuthTokenAction()).rejects.toMatchObject({ code: 20403, status: 403 });
    }
  });

  it("every role reads message logs through the console route; no session is a 401", async () => {
    for (const role of ROLES) {
      await as(role);
      const res = await listMessagesRoute(new Request("http://x/api/console/messages"), undefined as never);
      expect(res.status, role).toBe(200);
    }
    session.current = null;
    expect((await listMessagesRoute(new Request("http://x/api/console/messages"), undefined as never)).status).toBe(401);
  });

  it("a refused action is refused before its input is read: a read-only user learns nothing from field errors", async () => {
    await as("read_only");
    expect(await updateServiceAction(prev, form({ sid: serviceSid, friendlyName: "" }))).toMatchObject({ ok: false, code: 20403, fieldErrors: undefined });
  });

  it("a changed role takes effect on the next call; a removed user's session stops at once", async () => {
    const fresh = await makeTeam();
    session.current = await sessionFor(fresh.users.developer);
    const key = () => createApiKeyAction(prev, form({ friendlyName: "k" }));
    expect(await key()).toMatchObject({ ok: true });
    const ownerSession = await sessionFor(fresh.users.owner);
    const devSession = session.current;
    session.current = ownerSession;
    expect(await team.changeUserRoleAction(prev, form({ userId: fresh.users.developer.id, role: "read_only" }))).toMatchObject({ ok: true });
    session.current = devSession; // the same JWT as before
    expect(await key()).toMatchObject({ ok: false, code: 20403 });
    session.current = ownerSession;
    expect(await team.removeUserAction(prev, form({ userId: fresh.users.developer.id }))).toMatchObject({ ok: true });
    session.current = devSession;
    expect(await key()).toMatchObject({ ok: false, code: 20003 });
  });

  it("another account's user is not found to an owner", async () => {
    const other = await makeTeam();
    await as("owner");
    const before = await db.user.findUniqueOrThrow({ where: { id: other.users.admin.id } });
    expect(await team.changeUserRoleAction(prev, form({ userId: other.users.admin.id, role: "read_only" }))).toMatchObject({ ok: false, code: 20404 });
    expect(await team.removeUserAction(prev, form({ userId: other.users.admin.id }))).toMatchObject({ ok: false, code: 20404 });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.users.admin.id } })).toEqual(before);
  });
});

describe("last owner", () => {
  it("the last owner can be neither demoted nor removed; with a second owner, one can", async () => {
    const fresh = await makeTeam();
    session.current = await sessionFor(fresh.users.owner);
    const ownerId = fresh.users.owner.id;
    expect(await team.changeUserRoleAction(prev, form({ userId: ownerId, role: "admin" }))).toMatchObject({ ok: false, code: 20409 });
    expect(await team.removeUserAction(prev, form({ userId: ownerId }))).toMatchObject({ ok: false, code: 20409 });
    expect((await db.user.findUniqueOrThrow({ where: { id: ownerId } })).role).toBe("owner");
    expect(await team.changeUserRoleAction(prev, form({ userId: fresh.users.admin.id, role: "owner" }))).toMatchObject({ ok: true });
    expect(await team.changeUserRoleAction(prev, form({ userId: ownerId, role: "admin" }))).toMatchObject({ ok: true });
    // Now the former admin is the only owner.
    session.current = await sessionFor({ ...fresh.users.admin, role: "owner" });
    expect(await team.removeUserAction(prev, form({ userId: fresh.users.admin.id }))).toMatchObject({ ok: false, code: 20409 });
  });

  it("two owners demoting each other at once: one wins, an owner remains", async () => {
    const fresh = await makeTeam();
    const { changeUserRole } = await import("@/lib/server/services/users/team-members");
    await changeUserRole(fresh.accountSid, fresh.users.admin.id, "owner");
    const results = await Promise.allSettled([
      changeUserRole(fresh.accountSid, fresh.users.owner.id, "read_only"),
      changeUserRole(fresh.accountSid, fresh.users.admin.id, "read_only"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { accountSid: fresh.accountSid, role: "owner" } })).toBe(1);
  });
});

describe("change password", () => {
  it("checks the current password and the policy, revokes other sessions and keeps this browser signed in", async () => {
    const fresh = await makeTeam();
    const user = fresh.users.read_only;
    const other = await sessionFor(user);
    await new Promise((r) => setTimeout(r, 5));
    session.current = await sessionFor(user);
    const change = (f: Record<string, string>) => team.changePasswordAction(prev, form(f));
    expect(await change({ currentPassword: "wrong-password-1", newPassword: "a-new-password-2", confirmPassword: "a-new-password-2" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await change({ currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" })).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.any(String)] } });
    expect(await change({ currentPassword: PASSWORD, newPassword: "a-new-password-2", confirmPassword: "different-one-3" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: [expect.any(String)] },
    });
    const { verifyPassword } = await import("@/lib/server/auth/password");
    expect(await verifyPassword(PASSWORD, (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);

    session.cookies.clear();
    expect(await change({ currentPassword: PASSWORD, newPassword: "a-new-password-2", confirmPassword: "a-new-password-2" })).toMatchObject({ ok: true });
    expect(await verifyPassword("a-new-password-2", (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);
    const { currentViewer } = await import("@/lib/server/auth/session");
    // Every session signed in before the change is refused, the one this browser had included...
    session.current = other;
    expect(await currentViewer()).toBeNull();
    // ...and the new cookie set for this browser is a session issued after it.
    const [cookie] = [...session.cookies.values()];
    expect(cookie).toBeDefined();
    const { decode } = await import("next-auth/jwt");
    const token = await decode({ token: cookie!, secret: process.env.NEXTAUTH_SECRET! });
    session.current = (await authOptions.callbacks!.session!({ session: { expires: "" } as Session, token: token!, user: undefined } as never)) as Session;
    expect(await currentViewer()).toMatchObject({ userId: user.id, role: "read_only" });
  });
});
