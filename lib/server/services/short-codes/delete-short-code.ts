import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/** Deletes a short code from the inventory, with its sticky mappings, in one transaction. */
export async function deleteShortCode(accountSid: string, sid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "shortCode", sid, accountSid))) throw notFound(`The requested resource /ShortCodes/${sid} was not found`);
    const before = await tx.shortCode.delete({ where: { sid } });
    await tx.stickyMapping.deleteMany({ where: { senderSid: sid } });
    await recordAudit(tx, { accountSid, action: "short_code.delete", resource: { type: "short_code", sid, serviceSid: before.serviceSid }, before });
  });
}
