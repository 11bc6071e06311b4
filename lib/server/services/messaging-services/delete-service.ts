import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/**
 * Deleting a service frees its numbers, short codes and channel senders (they
 * stay in the account's inventory) and deletes its alpha senders and sticky
 * mappings, all in one transaction (foreign keys do the detaching).
 */
export async function deleteService(accountSid: string, sid: string) {
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "service", sid, accountSid))) throw notFound(`The requested resource /Services/${sid} was not found`);
    const before = await tx.service.findUniqueOrThrow({ where: { sid } });
    await tx.service.delete({ where: { sid } });
    await recordAudit(tx, { accountSid, action: "service.delete", resource: { type: "service", sid }, before });
  });
}
