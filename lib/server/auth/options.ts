import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { safeCallbackPath } from "@/lib/server/security/safe-callback-path";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

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
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db.user.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
        if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name, accountSid: user.accountSid };
      },
    }),
  ],
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
