import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SESSION_MAX_AGE_S } from "./session-cookie";
import { verifyCredentials } from "./verify-credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; accountSid: string };
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    accountSid?: string;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // The console's form signs in through lib/server/auth/sign-in-actions.ts; this keeps
      // next-auth's own endpoint (POST /api/auth/callback/credentials) on the same check.
      authorize: (raw) => verifyCredentials(raw),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.accountSid = (user as unknown as { accountSid: string }).accountSid;
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
      return session;
    },
  },
};
