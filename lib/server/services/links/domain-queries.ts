import { db, type Tx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/** A domain of the account (tenant scope in the where clause), or 20404. */
export async function getDomain(accountSid: string, sid: string, tx: Tx = db) {
  const domain = await tx.linkDomain.findFirst({ where: { sid, accountSid } });
  if (!domain) throw notFound(`The requested resource /LinkShortening/Domains/${sid} was not found`);
  return domain;
}

export type LinkDomainRow = Awaited<ReturnType<typeof getDomain>>;

export async function listDomains(accountSid: string, opts: { skip?: number; take?: number } = {}) {
  const [items, total] = await Promise.all([
    db.linkDomain.findMany({
      where: { accountSid },
      orderBy: [{ createdAt: "asc" }, { sid: "asc" }],
      skip: opts.skip,
      take: opts.take,
      include: {
        certificates: { where: { state: { in: ["active", "pending"] } }, select: { state: true, notAfter: true } },
        _count: { select: { services: true } },
      },
    }),
    db.linkDomain.count({ where: { accountSid } }),
  ]);
  return { items, total };
}

/** The active and the pending (in validation) certificate of a domain. */
export async function domainCertificates(domainSid: string, tx: Tx = db) {
  const rows = await tx.linkDomainCertificate.findMany({
    where: { domainSid, state: { in: ["active", "pending"] } },
    orderBy: { createdAt: "desc" },
    select: { sid: true, state: true, subject: true, fingerprint: true, notBefore: true, notAfter: true, createdAt: true, updatedAt: true, activatedAt: true },
  });
  return { active: rows.find((r) => r.state === "active") ?? null, pending: rows.find((r) => r.state === "pending") ?? null };
}

export type DomainCertificates = Awaited<ReturnType<typeof domainCertificates>>;

/** The services using a domain (account-scoped). */
export async function domainServices(accountSid: string, domainSid: string) {
  return db.linkDomainService.findMany({
    where: { domainSid, accountSid },
    orderBy: { createdAt: "asc" },
    include: { service: { select: { sid: true, friendlyName: true } } },
  });
}

/** The domain associated with a service of the account, or null. */
export async function serviceDomain(accountSid: string, serviceSid: string) {
  const row = await db.linkDomainService.findFirst({ where: { serviceSid, accountSid }, include: { domain: true } });
  return row?.domain ?? null;
}
