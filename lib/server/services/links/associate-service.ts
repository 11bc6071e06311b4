import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation, notFound } from "@/lib/server/errors";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { getDomain } from "./domain-queries";

/**
 * Uses the domain for the service's shortened links. A service has at most
 * one domain (the association's primary key is the service SID): associating
 * a service that already has another domain fails with 30130; associating it
 * again with the same domain is a no-op.
 */
export async function associateService(accountSid: string, domainSid: string, serviceSid: string) {
  await getDomain(accountSid, domainSid);
  await getService(accountSid, serviceSid);
  try {
    return await db.linkDomainService.create({ data: { serviceSid, domainSid, accountSid } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await db.linkDomainService.findUnique({ where: { serviceSid } });
    if (existing?.domainSid === domainSid) return existing;
    throw new AppError(30130, "This Messaging Service already belongs to another domain configuration; remove it there first.", 409, "serviceSid");
  }
}

export async function disassociateService(accountSid: string, domainSid: string, serviceSid: string): Promise<void> {
  const { count } = await db.linkDomainService.deleteMany({ where: { serviceSid, domainSid, accountSid } });
  if (count === 0) throw notFound(`The requested resource /LinkShortening/Domains/${domainSid}/MessagingServices/${serviceSid} was not found`);
}
