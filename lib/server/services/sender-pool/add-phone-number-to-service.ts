import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { alreadyPooledError, assertPoolHasRoom, lockServiceForPoolChange } from "./pool-lock";

/**
 * Puts one of the account's numbers into a service's pool. Refusals: 21710
 * already in this pool, 21712 in another service (named), 21715 no SMS/MMS,
 * 21714 pool full; 20404 when the service or number is not the account's.
 * The conditional update (service_sid IS NULL) settles races between pools.
 */
export async function addPhoneNumberToService(accountSid: string, serviceSid: string, phoneNumberSid: string) {
  return db.$transaction(async (tx) => {
    await lockServiceForPoolChange(tx, accountSid, serviceSid);
    const n = await tx.phoneNumber.findFirst({ where: { sid: phoneNumberSid, accountSid } });
    if (!n) throw notFound(`The requested resource /IncomingPhoneNumbers/${phoneNumberSid} was not found`);
    if (n.serviceSid) throw await alreadyPooledError(tx, n.phoneNumber, serviceSid, n.serviceSid, "phoneNumberSid");
    if (!n.smsEnabled && !n.mmsEnabled) {
      throw new AppError(21715, `${n.phoneNumber} cannot send SMS or MMS, so it cannot join a sender pool`, 400, "phoneNumberSid");
    }
    await assertPoolHasRoom(tx, serviceSid);
    const now = new Date();
    const { count } = await tx.phoneNumber.updateMany({
      where: { sid: phoneNumberSid, accountSid, serviceSid: null },
      data: { serviceSid, addedToServiceAt: now },
    });
    if (count === 0) {
      // Another service took it between our read and our write.
      const again = await tx.phoneNumber.findFirst({ where: { sid: phoneNumberSid, accountSid } });
      if (!again) throw notFound(`The requested resource /IncomingPhoneNumbers/${phoneNumberSid} was not found`);
      throw await alreadyPooledError(tx, again.phoneNumber, serviceSid, again.serviceSid ?? "", "phoneNumberSid");
    }
    await recordAudit(tx, {
      accountSid,
      action: "sender_pool.add",
      resource: { type: "phone_number", sid: phoneNumberSid, serviceSid },
      after: { serviceSid, sender: n.phoneNumber },
    });
    return tx.phoneNumber.findFirstOrThrow({ where: { sid: phoneNumberSid, accountSid } });
  });
}
