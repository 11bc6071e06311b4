import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";

/** Deletes a message record (Twilio: only once it is no longer in flight). */
export async function deleteMessage(accountSid: string, sid: string): Promise<void> {
  const message = await db.message.findFirst({ where: { sid, accountSid }, select: { status: true } });
  if (!message) throw notFound(`The requested resource /2010-04-01/Accounts/${accountSid}/Messages/${sid}.json was not found`);
  if (["accepted", "queued", "sending"].includes(message.status)) {
    throw new AppError(20009, "Cannot delete a message that is still being sent", 400);
  }
  await db.message.deleteMany({ where: { sid, accountSid, status: message.status } });
}
