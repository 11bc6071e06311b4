import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/**
 * Removes a domain, its certificates and service associations. Its short
 * links stay (slugs are never reused) but no longer resolve: their Host is
 * no longer a link domain.
 */
export async function deleteDomain(accountSid: string, sid: string): Promise<void> {
  const { count } = await db.linkDomain.deleteMany({ where: { sid, accountSid } });
  if (count === 0) throw notFound(`The requested resource /LinkShortening/Domains/${sid} was not found`);
}
