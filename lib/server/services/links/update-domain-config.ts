import { db } from "@/lib/server/db/client";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { getDomain } from "./domain-queries";
import type { DomainConfigInput } from "./domain-schema";

/** Updates the domain's config (fallback/callback URL, delivery preference, https prefix); absent fields stay. */
export async function updateDomainConfig(accountSid: string, sid: string, input: DomainConfigInput) {
  const now = new Date();
  const found = await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "linkDomain", sid, accountSid))) return false;
    const before = await tx.linkDomain.findUniqueOrThrow({ where: { sid } });
    const after = await tx.linkDomain.update({ where: { sid }, data: { ...input, configUpdatedAt: now, updatedAt: now } });
    await recordAudit(tx, { accountSid, action: "link_domain.update", resource: { type: "link_domain", sid }, before, after });
    return true;
  });
  if (!found) await getDomain(accountSid, sid); // throws the 404
  return getDomain(accountSid, sid);
}
