import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { setSenderCarrier } from "@/lib/server/services/carriers/sender-carrier";
import type { UpdatePhoneNumberInput } from "./phone-number-schema";
import { getPhoneNumber } from "./phone-number-queries";

/** Changes a number's friendly name, its own inbound webhook (sms_url + method) and its carrier, in one transaction. */
export async function updatePhoneNumber(accountSid: string, sid: string, input: UpdatePhoneNumberInput) {
  const { carrierSid, ...fields } = input;
  await db.$transaction(async (tx) => {
    // The lock scopes by account; no row = not yours or gone.
    if (!(await lockAuditedRow(tx, "phoneNumber", sid, accountSid))) throw notFound(`The requested resource /IncomingPhoneNumbers/${sid} was not found`);
    const before = await tx.phoneNumber.findUniqueOrThrow({ where: { sid } });
    await tx.phoneNumber.update({ where: { sid }, data: fields });
    if (carrierSid !== undefined) await setSenderCarrier("phoneNumber", accountSid, sid, carrierSid, tx);
    const after = await tx.phoneNumber.findUniqueOrThrow({ where: { sid } });
    await recordAudit(tx, { accountSid, action: "phone_number.update", resource: { type: "phone_number", sid, serviceSid: after.serviceSid }, before, after });
  });
  return getPhoneNumber(accountSid, sid);
}
