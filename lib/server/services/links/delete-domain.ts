import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/**
 * Removes a domain, its certificates and service associations. Its short
 * links stay (slugs are never reused) but no longer resolve: their Host is
 * no longer a link domain.
 */
export async function deleteDomain(accountSid: string, sid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "linkDomain", sid, accountSid))) throw notFound(`The requested resource /LinkShortening/Domains/${sid} was not found`);
    const before = await tx.linkDomain.delete({ where: { sid } });
    await recordAudit(tx, { accountSid, action: "link_domain.delete", resource: { type: "link_domain", sid }, before });
  });
}
