import { db, type Tx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { alreadyPooledError, assertPoolHasRoom, lockServiceForPoolChange } from "./pool-lock";

/**
 * REST path (v1 ChannelSenders create with Sid=XE...): puts an existing
 * WhatsApp/RCS sender of the account into the pool. 21710/21712/21714/20404
 * like the other sender types.
 */
export async function addChannelSenderToService(accountSid: string, serviceSid: string, channelSenderSid: string) {
  return db.$transaction(async (tx) => {
    await lockServiceForPoolChange(tx, accountSid, serviceSid);
    return attachChannelSender(tx, accountSid, serviceSid, channelSenderSid);
  });
}

/** Attach with the service already locked by the caller's transaction. */
export async function attachChannelSender(tx: Tx, accountSid: string, serviceSid: string, channelSenderSid: string) {
  const cs = await tx.channelSender.findFirst({ where: { sid: channelSenderSid, accountSid } });
  if (!cs) throw notFound(`The requested resource /ChannelSenders/${channelSenderSid} was not found`);
  if (cs.serviceSid) throw await alreadyPooledError(tx, cs.sender, serviceSid, cs.serviceSid, "sender");
  await assertPoolHasRoom(tx, serviceSid);
  const { count } = await tx.channelSender.updateMany({
    where: { sid: channelSenderSid, accountSid, serviceSid: null },
    data: { serviceSid, addedToServiceAt: new Date() },
  });
  if (count === 0) {
    const again = await tx.channelSender.findFirstOrThrow({ where: { sid: channelSenderSid, accountSid } });
    throw await alreadyPooledError(tx, again.sender, serviceSid, again.serviceSid ?? "", "sender");
  }
  await recordAudit(tx, {
    accountSid,
    action: "sender_pool.add",
    resource: { type: "channel_sender", sid: channelSenderSid, serviceSid },
    after: { serviceSid, sender: cs.sender },
  });
  return tx.channelSender.findFirstOrThrow({ where: { sid: channelSenderSid, accountSid } });
}
