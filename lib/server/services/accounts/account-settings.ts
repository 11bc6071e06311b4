import "server-only";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { listApiKeys } from "@/lib/server/services/api-keys/api-keys";
import { authTokenState } from "./auth-tokens";

/** What Settings → General shows for the viewer's account (no secret: tokens are revealed by an action). */
export async function loadAccountSettings(accountSid: string) {
  const [account, keys, tokens] = await Promise.all([
    db.account.findUnique({ where: { sid: accountSid }, select: { sid: true, friendlyName: true, messageRetentionDays: true } }),
    listApiKeys(accountSid),
    authTokenState(accountSid),
  ]);
  if (!account) throw notFound();
  return { account, keys, tokens };
}

/** The viewer's own profile (Settings → Profile). */
export async function loadProfile(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, role: true, createdAt: true } });
  if (!user) throw notFound();
  return user;
}
