import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { setSenderCarrier } from "@/lib/server/services/carriers/sender-carrier";
import type { UpdateShortCodeInput } from "./short-code-schema";
import { getShortCode } from "./short-code-queries";

/**
 * Updates only the fields given, in one transaction: the name and inbound webhook (2010 SMS/ShortCodes
 * update) and the carrier binding (docs/carriers.md). The account scope is in the where: another account's
 * code is 20404.
 */
export async function updateShortCode(accountSid: string, sid: string, input: UpdateShortCodeInput) {
  const { carrierSid, ...fields } = input;
  const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "shortCode", sid, accountSid))) throw notFound(`The requested resource /SMS/ShortCodes/${sid} was not found`);
    const before = await tx.shortCode.findUniqueOrThrow({ where: { sid } });
    await tx.shortCode.update({ where: { sid }, data });
    if (carrierSid !== undefined) await setSenderCarrier("shortCode", accountSid, sid, carrierSid, tx);
    const after = await tx.shortCode.findUniqueOrThrow({ where: { sid } });
    await recordAudit(tx, { accountSid, action: "short_code.update", resource: { type: "short_code", sid, serviceSid: after.serviceSid }, before, after });
  });
  return getShortCode(accountSid, sid);
}
