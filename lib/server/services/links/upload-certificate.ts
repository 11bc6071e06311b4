import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { encryptPrivateKey } from "@/lib/server/links/key-encryption";
import { parseCertificateBundle } from "@/lib/server/links/parse-certificate";
import { PROMOTE_CERTIFICATE_TASK } from "@/lib/server/jobs/link-task-names";
import { domainCertificates, getDomain } from "./domain-queries";
import { config } from "@/lib/server/config";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/**
 * How long an uploaded certificate stays `cert_in_validation` before it is
 * re-checked and takes over (LINK_CERT_VALIDATION_MS, default 5 s). The old
 * certificate keeps serving until that instant, so a replacement causes no
 * downtime; link servers pick the new one up on their next cache refresh.
 */
export function certValidationDelayMs(): number {
  return config().LINK_CERT_VALIDATION_MS;
}

/**
 * Validates the PEM bundle (parse, key match, validity, names the domain) and
 * stores it as the domain's pending certificate (replacing a previous pending
 * one); the promotion job is queued in the same transaction.
 */
export async function uploadCertificate(accountSid: string, domainSid: string, tlsCert: string, opts: { now?: Date; managed?: boolean } = {}) {
  const now = opts.now ?? new Date();
  const domain = await getDomain(accountSid, domainSid);
  const parsed = parseCertificateBundle(tlsCert, domain.domainName, now);
  const keyEncrypted = encryptPrivateKey(parsed.keyPem);
  const sid = newSid("CW");
  const runAt = new Date(now.getTime() + certValidationDelayMs());
  await db.$transaction(async (tx) => {
    // Serializes uploads and promotions of one domain.
    await tx.$queryRaw`SELECT sid FROM link_domains WHERE sid = ${domainSid} FOR UPDATE`;
    await tx.linkDomainCertificate.updateMany({ where: { domainSid, state: "pending" }, data: { state: "retired", updatedAt: now } });
    await tx.linkDomainCertificate.create({
      data: {
        sid,
        domainSid,
        state: "pending",
        certPem: parsed.certPem,
        keyEncrypted,
        fingerprint: parsed.fingerprint,
        subject: parsed.subject,
        notBefore: parsed.notBefore,
        notAfter: parsed.notAfter,
        createdAt: now,
        updatedAt: now,
      },
    });
    // A certificate the account uploads itself ends managed issuance (docs/api.md "RequestManagedCert").
    await tx.linkDomain.update({ where: { sid: domainSid }, data: { updatedAt: now, managedCert: opts.managed ?? false } });
    await tx.$queryRaw(Prisma.sql`SELECT graphile_worker.add_job(${PROMOTE_CERTIFICATE_TASK}, json_build_object('sid', ${sid}::text),
                                   run_at := ${runAt.toISOString()}::timestamptz, max_attempts := 5)::text`);
    // The certificate's identity, never its key (docs/audit.md).
    await recordAudit(tx, {
      accountSid,
      action: "link_domain.upload_certificate",
      resource: { type: "link_domain", sid: domainSid },
      after: { certificateSid: sid, managed: opts.managed ?? false, subject: parsed.subject, fingerprint: parsed.fingerprint, notAfter: parsed.notAfter },
    });
  });
  return { domain, certs: await domainCertificates(domainSid) };
}

/**
 * The pending certificate takes over: checked once more against the clock
 * (an expired one is rejected instead), the active one is retired, in one
 * transaction. Idempotent: a certificate no longer pending is left alone.
 */
export async function promoteCertificate(certSid: string, opts: { now?: Date } = {}): Promise<"promoted" | "rejected" | "skipped"> {
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const cert = await tx.linkDomainCertificate.findUnique({ where: { sid: certSid }, select: { domainSid: true, state: true, notAfter: true } });
    if (!cert) return "skipped";
    await tx.$queryRaw`SELECT sid FROM link_domains WHERE sid = ${cert.domainSid} FOR UPDATE`;
    const fresh = await tx.linkDomainCertificate.findUnique({ where: { sid: certSid }, select: { state: true } });
    if (fresh?.state !== "pending") return "skipped";
    if (cert.notAfter.getTime() <= now.getTime()) {
      await tx.linkDomainCertificate.update({ where: { sid: certSid }, data: { state: "rejected", updatedAt: now } });
      return "rejected";
    }
    await tx.linkDomainCertificate.updateMany({ where: { domainSid: cert.domainSid, state: "active" }, data: { state: "retired", updatedAt: now } });
    await tx.linkDomainCertificate.update({ where: { sid: certSid }, data: { state: "active", activatedAt: now, updatedAt: now } });
    return "promoted";
  });
}

/** DELETE …/Certificate: the domain no longer has a certificate (active or pending). */
export async function deleteCertificates(accountSid: string, domainSid: string): Promise<void> {
  await getDomain(accountSid, domainSid);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT sid FROM link_domains WHERE sid = ${domainSid} FOR UPDATE`;
    const retired = await tx.linkDomainCertificate.findMany({ where: { domainSid, state: { in: ["active", "pending"] } }, select: { sid: true } });
    if (retired.length === 0) return;
    await tx.linkDomainCertificate.updateMany({ where: { sid: { in: retired.map((c) => c.sid) } }, data: { state: "retired", updatedAt: new Date() } });
    await recordAudit(tx, { accountSid, action: "link_domain.delete_certificate", resource: { type: "link_domain", sid: domainSid }, before: { certificateSids: retired.map((c) => c.sid) } });
  });
}
