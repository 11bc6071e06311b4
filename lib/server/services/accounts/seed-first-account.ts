import { randomBytes } from "node:crypto";
import { isSid } from "@/lib/core/ids";
import { db } from "@/lib/server/db/client";
import { createAccount } from "./create-account";
import { config, type Config } from "@/lib/server/config";

export interface SeededAccount {
  accountSid: string;
  authToken: string;
  email: string;
  /** Only set when the password was generated (it is printed once, never stored in clear). */
  generatedPassword?: string;
}

/**
 * On an empty database, creates the first account from the SWITCHYARD_* knobs
 * (generating what is unset). Returns null when an account already exists.
 */
export async function seedFirstAccount(env: Config = config()): Promise<SeededAccount | null> {
  if ((await db.account.count()) > 0) return null;
  const sid = env.SWITCHYARD_ACCOUNT_SID;
  if (sid && !isSid(sid, "AC")) throw new Error("SWITCHYARD_ACCOUNT_SID must be AC followed by 32 hex digits");
  const email = env.SWITCHYARD_ADMIN_EMAIL;
  const generatedPassword = env.SWITCHYARD_ADMIN_PASSWORD ? undefined : randomBytes(12).toString("base64url");
  const password = env.SWITCHYARD_ADMIN_PASSWORD ?? (generatedPassword as string);
  const { account } = await createAccount({
    friendlyName: "Switchyard",
    email,
    password,
    name: "Admin",
    sid,
    authToken: env.SWITCHYARD_AUTH_TOKEN,
  });
  return { accountSid: account.sid, authToken: account.authToken, email, generatedPassword };
}
