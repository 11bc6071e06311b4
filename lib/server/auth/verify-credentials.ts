import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { verifyPassword } from "./password";

export const credentialsSchema = z.object({ email: z.string().trim().email(), password: z.string().min(1) });

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  accountSid: string;
}

/** The user these credentials belong to, or null (unknown email and wrong password look the same). */
export async function verifyCredentials(raw: unknown): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
  if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, accountSid: user.accountSid };
}
