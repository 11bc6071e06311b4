import "server-only";
import { db } from "@/lib/server/db/client";

/**
 * Who can appear as an actor in the account's log, for the actor filter's
 * suggestions: its users' emails, its API keys and its own SID (the auth
 * token). Small tables, read instead of a DISTINCT over the whole log.
 * Deleted users and keys still match when typed.
 */
export async function auditActorSuggestions(accountSid: string): Promise<{ value: string; label: string }[]> {
  const [users, keys] = await Promise.all([
    db.user.findMany({ where: { accountSid }, select: { email: true }, orderBy: { email: "asc" } }),
    db.apiKey.findMany({ where: { accountSid }, select: { sid: true, friendlyName: true }, orderBy: { createdAt: "desc" } }),
  ]);
  return [
    ...users.map((u) => ({ value: u.email, label: "User" })),
    ...keys.map((k) => ({ value: k.sid, label: `API key ${k.friendlyName}` })),
    { value: accountSid, label: "Auth token" },
  ];
}
