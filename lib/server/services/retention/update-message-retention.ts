import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/** Sets how many days the account's message logs are kept (null: forever). The next purge applies it. */
export async function updateMessageRetention(accountSid: string, days: number | null): Promise<{ messageRetentionDays: number | null }> {
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "account", accountSid, accountSid))) throw notFound(`The requested resource /Accounts/${accountSid} was not found`);
    const before = await tx.account.findUniqueOrThrow({ where: { sid: accountSid }, select: { messageRetentionDays: true } });
    await tx.account.update({ where: { sid: accountSid }, data: { messageRetentionDays: days } });
    await recordAudit(tx, { accountSid, action: "account.update_retention", resource: { type: "account", sid: accountSid }, before, after: { messageRetentionDays: days } });
  });
  return { messageRetentionDays: days };
}
