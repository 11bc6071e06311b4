import { db, type Tx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockServiceForPoolChange } from "./pool-lock";

/**
 * Takes any sender out of a service's pool, by SID prefix: phone numbers,
 * short codes and WhatsApp/RCS senders go back to the account's inventory,
 * alpha senders (which exist only inside a pool) are deleted. The sender's
 * sticky mappings are deleted in the same transaction (SPEC 2.8). A sender
 * that is not in this pool, or a service of another account: 20404.
 */
export async function removeSenderFromService(accountSid: string, serviceSid: string, senderSid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockServiceForPoolChange(tx, accountSid, serviceSid);
    const count = await detach(tx, { accountSid, serviceSid, sid: senderSid });
    if (count === 0) throw notFound(`The requested resource /Services/${serviceSid}/Senders/${senderSid} was not found`);
    await tx.stickyMapping.deleteMany({ where: { serviceSid, senderSid } });
  });
}

async function detach(tx: Tx, where: { accountSid: string; serviceSid: string; sid: string }): Promise<number> {
  const free = { serviceSid: null, addedToServiceAt: null };
  switch (where.sid.slice(0, 2)) {
    case "PN":
      return (await tx.phoneNumber.updateMany({ where, data: free })).count;
    case "SC":
      return (await tx.shortCode.updateMany({ where, data: free })).count;
    case "XE":
      return (await tx.channelSender.updateMany({ where, data: free })).count;
    case "AI":
      return (await tx.alphaSender.deleteMany({ where })).count;
    default:
      return 0;
  }
}
