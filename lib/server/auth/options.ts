import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { safeCallbackPath } from "@/lib/server/security/safe-callback-path";
import { assertNotLocked, clearFailures, clientIp, recordFailure, THRESHOLDS, throttleKey } from "@/lib/server/security/auth-throttle";
import { verifyPassword } from "./password";
import { revokeUserSessions } from "./revoke-sessions";
import { verifyAgainstNothing } from "./password-timing";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; accountSid: string };
    /** When this session signed in (ms): currentViewer refuses it if the user revoked sessions since. */
    signedInAt?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    accountSid?: string;
    signedInAt?: number;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Throttled per email and per client address (docs/security.md "Throttling"). An unknown email
      // costs one scrypt like a known one, so the response time does not tell which emails exist.
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const emailKey = throttleKey("email", email);
        const ipKey = throttleKey("ip", clientIp((n) => headers[n]));
        // next-auth passes a thrown message to the client as the sign-in error.
        await assertNotLocked([emailKey, ipKey]).catch(() => {
          throw new Error("TooManyAttempts");
        });
        const user = await db.user.findUnique({ where: { email } });
        const ok = user ? await verifyPassword(parsed.data.password, user.passwordHash) : await verifyAgainstNothing(parsed.data.password);
        if (!user || !ok) {
          await recordFailure([
            { key: emailKey, threshold: THRESHOLDS.email },
            { key: ipKey, threshold: THRESHOLDS.ip },
          ]);
          return null;
        }
        await clearFailures(emailKey);
        return { id: user.id, email: user.email, name: user.name, accountSid: user.accountSid };
      },
    }),
  ],
  events: {
    // A JWT cannot be recalled, so sign-out marks the user's sessions revoked (docs/security.md "Sessions").
    async signOut({ token }) {
      if (token?.uid) await revokeUserSessions(token.uid);
    },
  },
  callbacks: {
    // Same-origin paths only (docs/security.md "Sign-in"); next-auth's default also lets an absolute URL on this origin through.
    redirect({ url, baseUrl }) {
      if (url.startsWith(baseUrl + "/")) return baseUrl + safeCallbackPath(url.slice(baseUrl.length));
      return baseUrl + safeCallbackPath(url);
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.accountSid = (user as unknown as { accountSid: string }).accountSid;
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid ?? "",
        email: token.email ?? "",
        name: token.name ?? "",
        accountSid: token.accountSid ?? "",
      };
      session.signedInAt = token.signedInAt ?? 0;
      return session;
    },
  },
};
