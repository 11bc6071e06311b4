import { describe, expect, it, vi } from "vitest";

/** Invites (docs/team.md "Invites"): single use, expiry, revocation, stored hashed, the role they carry. */
vi.mock("server-only", () => ({}));

const { db } = await import("@/lib/server/db/client");
const { createInvite, findUsableInvite, hashInviteToken, INVITE_TTL_MS, listPendingInvites, revokeInvite } = await import("@/lib/server/services/users/invites");
const { acceptInvite } = await import("@/lib/server/services/users/accept-invite");
const { verifyCredentials } = await import("@/lib/server/auth/verify-credentials");
const { team: makeTeam, hex, PASSWORD } = await import("./team-fixtures");

const signUp = (token: string, email = `new-${hex(5)}@int.test`) => acceptInvite({ token, name: "New", email, password: PASSWORD });

describe("invites", () => {
  it("a link signs up one user with its role, once; only its hash is stored", async () => {
    const t = await makeTeam();
    const invite = await createInvite(t.accountSid, t.users.owner.id, "developer");
    expect(invite.token.length).toBeGreaterThanOrEqual(43);
    const row = await db.userInvite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(hashInviteToken(invite.token));
    expect(JSON.stringify(row)).not.toContain(invite.token);
    expect(await findUsableInvite(invite.token)).toMatchObject({ role: "developer", accountName: "Team" });
    expect((await listPendingInvites(t.accountSid)).map((i) => i.id)).toContain(invite.id);

    const email = `dev-${hex(5)}@int.test`;
    const user = await signUp(invite.token, email);
    expect(user).toMatchObject({ accountSid: t.accountSid, role: "developer", email });
    expect(await verifyCredentials({ email, password: PASSWORD }, "127.0.0.9")).toMatchObject({ ok: true });
    expect((await db.userInvite.findUniqueOrThrow({ where: { id: invite.id } })).acceptedUserId).toBe(user.id);

    // Used: refused, and no second user.
    await expect(signUp(invite.token)).rejects.toMatchObject({ status: 404 });
    await expect(findUsableInvite(invite.token)).rejects.toMatchObject({ status: 404 });
    expect(await db.user.count({ where: { accountSid: t.accountSid } })).toBe(5);
    expect((await listPendingInvites(t.accountSid)).map((i) => i.id)).not.toContain(invite.id);
  });

  it("two sign-ups with one link at once: exactly one user", async () => {
    const t = await makeTeam();
    const invite = await createInvite(t.accountSid, t.users.owner.id, "read_only");
    const results = await Promise.allSettled([signUp(invite.token), signUp(invite.token), signUp(invite.token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { accountSid: t.accountSid } })).toBe(5);
  });

  it("an expired link is refused", async () => {
    const t = await makeTeam();
    const created = new Date(Date.now() - INVITE_TTL_MS - 1000);
    const invite = await createInvite(t.accountSid, t.users.owner.id, "admin", created);
    await expect(findUsableInvite(invite.token)).rejects.toMatchObject({ status: 404 });
    await expect(signUp(invite.token)).rejects.toMatchObject({ status: 404 });
    // It still worked just before it expired.
    const fresh = await createInvite(t.accountSid, t.users.owner.id, "admin");
    await expect(signUp(fresh.token, undefined)).resolves.toMatchObject({ role: "admin" });
    expect(await acceptInvite({ token: (await createInvite(t.accountSid, t.users.owner.id, "admin")).token, name: "x", email: `late-${hex(4)}@int.test`, password: PASSWORD }, new Date(Date.now() + INVITE_TTL_MS + 1000)).catch((e: unknown) => e)).toMatchObject({ status: 404 });
  });

  it("a revoked link is refused; another account cannot revoke it", async () => {
    const t = await makeTeam();
    const other = await makeTeam();
    const invite = await createInvite(t.accountSid, t.users.owner.id, "developer");
    await expect(revokeInvite(other.accountSid, invite.id)).rejects.toMatchObject({ status: 404 });
    await expect(findUsableInvite(invite.token)).resolves.toBeTruthy();
    await revokeInvite(t.accountSid, invite.id);
    await expect(signUp(invite.token)).rejects.toMatchObject({ status: 404 });
    await expect(revokeInvite(t.accountSid, invite.id)).rejects.toMatchObject({ status: 404 });
  });

  it("a refused sign-up (taken email, weak password) leaves the link usable", async () => {
    const t = await makeTeam();
    const invite = await createInvite(t.accountSid, t.users.owner.id, "developer");
    await expect(signUp(invite.token, t.users.admin.email)).rejects.toMatchObject({ code: 20409, field: "email" });
    await expect(acceptInvite({ token: invite.token, name: "W", email: `weak-${hex(4)}@int.test`, password: "short" })).rejects.toMatchObject({ field: "password" });
    await expect(signUp(invite.token)).resolves.toMatchObject({ role: "developer" });
  });

  it("an unknown token is refused like a used one", async () => {
    await expect(findUsableInvite("not-a-real-token")).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(signUp("not-a-real-token")).rejects.toMatchObject({ status: 404 });
  });
});
