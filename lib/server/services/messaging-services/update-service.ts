import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import type { UpdateServiceInput } from "./service-schema";

export async function updateService(accountSid: string, sid: string, input: UpdateServiceInput) {
  return db.$transaction(async (tx) => {
    // The lock scopes by account; no row = not yours or gone.
    if (!(await lockAuditedRow(tx, "service", sid, accountSid))) throw notFound(`The requested resource /Services/${sid} was not found`);
    const before = await tx.service.findUniqueOrThrow({ where: { sid } });
    const after = await tx.service.update({ where: { sid }, data: input });
    await recordAudit(tx, { accountSid, action: "service.update", resource: { type: "service", sid }, before, after });
    return after;
  });
}
