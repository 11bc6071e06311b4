import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { assertNotLocked, clearFailures, recordFailure, THRESHOLDS, throttleKey } from "@/lib/server/security/auth-throttle";
import { verifyPassword } from "./password";
import { verifyAgainstNothing } from "./password-timing";

export const credentialsSchema = z.object({ email: z.string().trim().email(), password: z.string().min(1) });

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  accountSid: string;
}

export type CredentialsOutcome = { ok: true; user: SignedInUser } | { ok: false; locked: boolean };

/**
 * The one credentials check, for the console's sign-in action and next-auth's
 * own endpoint: throttled per email and per client address (docs/security.md
 * "Throttling"); an unknown email costs one password hash like a known one,
 * so neither the answer nor its time tells which emails exist.
 */
export async function verifyCredentials(raw: unknown, clientAddress: string): Promise<CredentialsOutcome> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, locked: false };
  const email = parsed.data.email.toLowerCase();
  const emailKey = throttleKey("email", email);
  const ipKey = throttleKey("ip", clientAddress);
  try {
    await assertNotLocked([emailKey, ipKey]);
  } catch {
    return { ok: false, locked: true };
  }
  const user = await db.user.findUnique({ where: { email } });
  const ok = user ? await verifyPassword(parsed.data.password, user.passwordHash) : await verifyAgainstNothing(parsed.data.password);
  if (!user || !ok) {
    await recordFailure([
      { key: emailKey, threshold: THRESHOLDS.email },
      { key: ipKey, threshold: THRESHOLDS.ip },
    ]);
    return { ok: false, locked: false };
  }
  await clearFailures(emailKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, accountSid: user.accountSid } };
}
