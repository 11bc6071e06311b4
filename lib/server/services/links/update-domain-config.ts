import { db } from "@/lib/server/db/client";
import { getDomain } from "./domain-queries";
import type { DomainConfigInput } from "./domain-schema";

/** Updates the domain's config (fallback/callback URL, delivery preference, https prefix); absent fields stay. */
export async function updateDomainConfig(accountSid: string, sid: string, input: DomainConfigInput) {
  const now = new Date();
  const { count } = await db.linkDomain.updateMany({ where: { sid, accountSid }, data: { ...input, configUpdatedAt: now, updatedAt: now } });
  if (count === 0) await getDomain(accountSid, sid); // throws the 404
  return getDomain(accountSid, sid);
}
