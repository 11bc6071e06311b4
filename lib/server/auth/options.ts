import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackPath } from "@/lib/server/security/safe-callback-path";
import { clientIp } from "@/lib/server/security/auth-throttle";
import { revokeUserSessions } from "./revoke-sessions";
import { SESSION_MAX_AGE_S } from "./session-cookie";
import { verifyCredentials } from "./verify-credentials";

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
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Throttled per email and per client address (docs/security.md "Throttling"). An unknown email
      // costs one scrypt like a known one, so the response time does not tell which emails exist.
      async authorize(raw, req) {
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const outcome = await verifyCredentials(raw, clientIp((n) => headers[n]));
        // next-auth passes a thrown message to the client as the sign-in error.
        if (!outcome.ok && outcome.locked) throw new Error("TooManyAttempts");
        return outcome.ok ? outcome.user : null;
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
