import "server-only";
import { db } from "@/lib/server/db/client";

/** The email of a user of the account (who last changed a setting), or null when the user is gone or another account's. */
export async function findUserEmail(accountSid: string, userId: string): Promise<string | null> {
  const user = await db.user.findFirst({ where: { id: userId, accountSid }, select: { email: true } });
  return user?.email ?? null;
}
