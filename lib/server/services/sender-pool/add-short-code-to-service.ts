import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { alreadyPooledError, assertPoolHasRoom, lockServiceForPoolChange } from "./pool-lock";

/**
 * Puts one of the account's short codes into a service's pool; same
 * refusals as phone numbers (21710, 21712, 21715, 21714, 20404).
 */
export async function addShortCodeToService(accountSid: string, serviceSid: string, shortCodeSid: string) {
  return db.$transaction(async (tx) => {
    await lockServiceForPoolChange(tx, accountSid, serviceSid);
    const sc = await tx.shortCode.findFirst({ where: { sid: shortCodeSid, accountSid } });
    if (!sc) throw notFound(`The requested resource /ShortCodes/${shortCodeSid} was not found`);
    const label = `Short code ${sc.shortCode}`;
    if (sc.serviceSid) throw await alreadyPooledError(tx, label, serviceSid, sc.serviceSid, "shortCodeSid");
    if (!sc.smsEnabled && !sc.mmsEnabled) throw new AppError(21715, `${label} cannot send SMS or MMS, so it cannot join a sender pool`, 400, "shortCodeSid");
    await assertPoolHasRoom(tx, serviceSid);
    const { count } = await tx.shortCode.updateMany({
      where: { sid: shortCodeSid, accountSid, serviceSid: null },
      data: { serviceSid, addedToServiceAt: new Date() },
    });
    if (count === 0) {
      const again = await tx.shortCode.findFirstOrThrow({ where: { sid: shortCodeSid, accountSid } });
      throw await alreadyPooledError(tx, label, serviceSid, again.serviceSid ?? "", "shortCodeSid");
    }
    await recordAudit(tx, {
      accountSid,
      action: "sender_pool.add",
      resource: { type: "short_code", sid: shortCodeSid, serviceSid },
      after: { serviceSid, sender: sc.shortCode },
    });
    return tx.shortCode.findFirstOrThrow({ where: { sid: shortCodeSid, accountSid } });
  });
}
