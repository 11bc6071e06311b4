import "server-only";
import { db } from "@/lib/server/db/client";

/** The account's link shortening domains by name (a service's domain picker). */
export async function listDomainNames(accountSid: string): Promise<{ sid: string; domainName: string }[]> {
  return db.linkDomain.findMany({ where: { accountSid }, orderBy: { domainName: "asc" }, select: { sid: true, domainName: true } });
}
