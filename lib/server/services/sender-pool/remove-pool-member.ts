import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { removeSenderFromService } from "./remove-sender-from-service";

/**
 * REST removal (v1 Services/{sid}/{PhoneNumbers|ShortCodes|...}/{Sid} DELETE).
 * removeSenderFromService answers every miss with 20404; Twilio tells one of
 * them apart: a sender the account does hold, but in no pool or in another
 * service, is 21711 "not associated with this service". Another account's
 * service or sender, or a SID that does not exist, stays 20404 so nothing
 * leaks across tenants.
 */
export async function removePoolMember(accountSid: string, serviceSid: string, senderSid: string): Promise<void> {
  try {
    await removeSenderFromService(accountSid, serviceSid, senderSid);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 20404) throw err;
    await getService(accountSid, serviceSid);
    if (await accountHoldsSender(accountSid, senderSid)) {
      throw new AppError(21711, `${senderSid} is not associated with the Messaging Service ${serviceSid}`, 400);
    }
    throw err;
  }
}

async function accountHoldsSender(accountSid: string, sid: string): Promise<boolean> {
  const where = { sid, accountSid };
  switch (sid.slice(0, 2)) {
    case "PN":
      return (await db.phoneNumber.count({ where })) > 0;
    case "SC":
      return (await db.shortCode.count({ where })) > 0;
    case "XE":
      return (await db.channelSender.count({ where })) > 0;
    case "AI":
      return (await db.alphaSender.count({ where })) > 0;
    default:
      return false;
  }
}
