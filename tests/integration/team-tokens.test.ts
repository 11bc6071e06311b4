import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Auth token rotation (docs/team.md "Auth token rotation") against the REST
 * API as a client sees it: the primary works; a secondary works beside it;
 * promoting it retires the old primary at once (the credential cache is
 * cleared by the commit's notification, not by its 5 s TTL); deleting a
 * secondary retires it. Tokens are sealed at rest. Owners only.
 */
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("server-only", () => ({}));
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => session.current }));
vi.mock("next/cache", async (orig) => ({ ...(await orig<typeof import("next/cache")>()), revalidatePath: () => undefined }));

const { db } = await import("@/lib/server/db/client");
const { startApiServer } = await import("./api-server");
const { cacheListenerReady } = await import("@/lib/server/cache/cache-invalidation");
const { waitFor } = await import("./pipeline-fixtures");
const team = await import("@/lib/server/actions/team-actions");
const { revealAuthTokenAction } = await import("@/lib/server/actions/settings-actions");
const { team: makeTeam, sessionFor, form, prev } = await import("./team-fixtures");

let server: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  server = await startApiServer();
  await cacheListenerReady();
});
afterAll(async () => server?.stop());

async function status(accountSid: string, token: string): Promise<number> {
  const res = await fetch(`${server.url}/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`, {
    headers: { authorization: "Basic " + Buffer.from(`${accountSid}:${token}`).toString("base64") },
  });
  return res.status;
}

/** Within 2 s (the notification's round trip), far below the cache's 5 s TTL. */
const eventually = (accountSid: string, token: string, want: number) => waitFor(async () => (await status(accountSid, token)) === want, 2_000);

describe("auth token rotation", () => {
  it("primary, secondary beside it, promote (old primary refused), delete", async () => {
    const t = await makeTeam();
    session.current = await sessionFor(t.users.owner);
    const primary = t.authToken;
    expect(await status(t.accountSid, primary)).toBe(200);

    expect(await team.createSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: true });
    // One secondary at a time.
    expect(await team.createSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: false, code: 20409 });
    const secondary = await team.revealSecondaryAuthTokenAction();
    expect(secondary).toMatch(/^[0-9a-f]{32}$/);
    expect(secondary).not.toBe(primary);
    // Sealed at rest like the primary.
    const row = await db.account.findUniqueOrThrow({ where: { sid: t.accountSid } });
    expect(row.secondaryAuthToken).toMatch(/^v1:/);
    expect(row.secondaryAuthToken).not.toContain(secondary);

    expect(await status(t.accountSid, secondary)).toBe(200);
    expect(await status(t.accountSid, primary)).toBe(200);

    expect(await team.promoteSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: true });
    await eventually(t.accountSid, primary, 401);
    expect(await status(t.accountSid, secondary)).toBe(200);
    expect(await revealAuthTokenAction()).toBe(secondary);
    await expect(team.revealSecondaryAuthTokenAction()).rejects.toMatchObject({ status: 404 });
    expect(await team.promoteSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: false, code: 20404 });

    // A new secondary, then deleted: it stops working, the primary goes on.
    expect(await team.createSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: true });
    const second = await team.revealSecondaryAuthTokenAction();
    expect(await status(t.accountSid, second)).toBe(200);
    expect(await team.deleteSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: true });
    await eventually(t.accountSid, second, 401);
    expect(await status(t.accountSid, secondary)).toBe(200);
    expect(await team.deleteSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: false, code: 20404 });
  });

  it("only owners rotate: admins and below are refused and nothing changes", async () => {
    const t = await makeTeam();
    for (const role of ["admin", "developer", "read_only"] as const) {
      session.current = await sessionFor(t.users[role]);
      expect(await team.createSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: false, code: 20403 });
      await expect(team.revealSecondaryAuthTokenAction()).rejects.toMatchObject({ status: 403 });
    }
    session.current = await sessionFor(t.users.owner);
    expect(await team.createSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: true });
    for (const role of ["admin", "developer", "read_only"] as const) {
      session.current = await sessionFor(t.users[role]);
      expect(await team.promoteSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: false, code: 20403 });
      expect(await team.deleteSecondaryAuthTokenAction(prev, form({}))).toMatchObject({ ok: false, code: 20403 });
    }
    expect(await status(t.accountSid, t.authToken)).toBe(200);
    expect((await db.account.findUniqueOrThrow({ where: { sid: t.accountSid } })).secondaryAuthToken).not.toBeNull();
  });
});
