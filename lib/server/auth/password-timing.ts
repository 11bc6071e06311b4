import { hashPassword, verifyPassword } from "./password";

/**
 * A hash of a random password, made once: verifying against it costs what
 * verifying a real user's password costs, so sign-in for an unknown email
 * takes as long as for a known one (docs/security.md "Throttling").
 */
let dummy: Promise<string> | null = null;

export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword(crypto.randomUUID());
  await verifyPassword(password, await dummy);
  return false;
}
