import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/**
 * Releases (deletes) a number: it leaves its service's pool and its sticky
 * mappings go with it, in one transaction, so routing never sees a mapping
 * to a sender that no longer exists.
 */
export async function releasePhoneNumber(accountSid: string, sid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "phoneNumber", sid, accountSid))) throw notFound(`The requested resource /IncomingPhoneNumbers/${sid} was not found`);
    const before = await tx.phoneNumber.delete({ where: { sid } });
    await tx.stickyMapping.deleteMany({ where: { senderSid: sid } });
    await recordAudit(tx, { accountSid, action: "phone_number.release", resource: { type: "phone_number", sid, serviceSid: before.serviceSid }, before });
  });
}
