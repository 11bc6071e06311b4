import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";

/** Issue 18 item 8: sign-out revokes the JWT (it used to stay valid for 12 h); a deleted API key is refused on every process at once. */
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => session.current }));

const { authOptions } = await import("@/lib/server/auth/options");
const { currentViewer } = await import("@/lib/server/auth/session");
const { createAccount } = await import("@/lib/server/services/accounts/create-account");
const { revokeUserSessions } = await import("@/lib/server/auth/revoke-sessions");

const hex = (n: number) => randomBytes(n).toString("hex");

/** What next-auth hands the session callback for a JWT issued by our jwt callback at sign-in. */
async function signIn(user: { id: string; email: string; name: string; accountSid: string }) {
  const token = await authOptions.callbacks!.jwt!({ token: { email: user.email, name: user.name }, user, account: null, trigger: "signIn" } as never);
  const s = (await authOptions.callbacks!.session!({ session: { expires: "" } as Session, token, user } as never)) as Session;
  return { token, session: s };
}

describe("sessions", () => {
  it("sign-out revokes the JWT at once; a later sign-in works", async () => {
    const { user, account } = await createAccount({ friendlyName: "s", email: `so-${hex(5)}@int.test`, password: "long-enough-pass" });
    const u = { id: user.id, email: user.email, name: user.name, accountSid: account.sid };
    const first = await signIn(u);
    session.current = first.session;
    expect(await currentViewer()).toMatchObject({ userId: user.id });
    await new Promise((r) => setTimeout(r, 5));
    await authOptions.events!.signOut!({ token: first.token, session: first.session } as never);
    // The same (still unexpired, correctly signed) JWT is refused after sign-out.
    expect(await currentViewer()).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    session.current = (await signIn(u)).session;
    expect(await currentViewer()).toMatchObject({ userId: user.id });
  });

  it("revokeUserSessions (password change) refuses every session signed in before it", async () => {
    const { user, account } = await createAccount({ friendlyName: "p", email: `pc-${hex(5)}@int.test`, password: "long-enough-pass" });
    session.current = (await signIn({ id: user.id, email: user.email, name: user.name, accountSid: account.sid })).session;
    expect(await currentViewer()).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await revokeUserSessions(user.id);
    expect(await currentViewer()).toBeNull();
  });
});
