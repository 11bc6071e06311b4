import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { senderLabelsForTrace } from "./sender-labels";

/**
 * Everything the detail view shows: the message, its status timeline, the
 * callbacks sent, and the numbers or names of the senders its routing trace
 * names by SID.
 */
export async function getMessageDetail(accountSid: string, sid: string) {
  const message = await db.message.findFirst({
    where: { sid, accountSid },
    include: {
      events: { orderBy: { id: "asc" } },
      callbacks: { orderBy: { id: "asc" } },
      service: { select: { sid: true, friendlyName: true } },
      feedback: { select: { outcome: true, updatedAt: true } },
    },
  });
  if (!message) throw notFound(`The requested resource /Messages/${sid} was not found`);
  return { ...message, senderLabels: await senderLabelsForTrace(accountSid, message.routingTrace) };
}
