import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation, notFound } from "@/lib/server/errors";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
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
    return await db.$transaction(async (tx) => {
      const link = await tx.linkDomainService.create({ data: { serviceSid, domainSid, accountSid } });
      await recordAudit(tx, { accountSid, action: "link_domain.add_service", resource: { type: "link_domain", sid: domainSid, serviceSid }, after: { serviceSid } });
      return link;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await db.linkDomainService.findUnique({ where: { serviceSid } });
    if (existing?.domainSid === domainSid) return existing;
    throw new AppError(30130, "This Messaging Service already belongs to another domain configuration; remove it there first.", 409, "serviceSid");
  }
}

export async function disassociateService(accountSid: string, domainSid: string, serviceSid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.linkDomainService.deleteMany({ where: { serviceSid, domainSid, accountSid } });
    if (count === 0) throw notFound(`The requested resource /LinkShortening/Domains/${domainSid}/MessagingServices/${serviceSid} was not found`);
    await recordAudit(tx, { accountSid, action: "link_domain.remove_service", resource: { type: "link_domain", sid: domainSid, serviceSid }, before: { serviceSid } });
  });
}
