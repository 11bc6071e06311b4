import { db } from "@/lib/server/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { newSecret, newSid } from "@/lib/server/ids";
import { encryptToken } from "@/lib/server/security/token-crypto";
import { assertPasswordPolicy } from "@/lib/server/security/password-policy";
import { randomUUID } from "node:crypto";

export interface NewAccount {
  friendlyName: string;
  email: string;
  password: string;
  name?: string;
  sid?: string;
  authToken?: string;
}

/** Creates an account with its first user in one transaction. */
export async function createAccount(input: NewAccount) {
  const sid = input.sid ?? newSid("AC");
  const authToken = input.authToken ?? newSecret();
  // docs/security.md "Passwords".
  assertPasswordPolicy(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Stored encrypted (docs/security.md "Secrets at rest"); the caller gets the token itself.
    const account = await tx.account.create({ data: { sid, friendlyName: input.friendlyName, authToken: encryptToken(authToken) } });
    const user = await tx.user.create({
      data: {
        id: randomUUID(),
        accountSid: sid,
        email: input.email.toLowerCase(),
        name: input.name ?? input.email,
        passwordHash,
      },
    });
    return { account: { ...account, authToken }, user };
  });
}
