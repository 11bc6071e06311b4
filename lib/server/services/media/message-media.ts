import { mediaContentType } from "@/lib/core/media/content-type";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { getMessage } from "@/lib/server/services/messages/message-queries";

/**
 * Makes sure the message's media URLs have their Media rows (ME SIDs), and
 * returns the message. Rows are written on the first Media request, not at
 * send time, so the send path stays as it is; the unique (message, position)
 * index makes concurrent first requests insert once (skipDuplicates), and a
 * deleted medium's row stays, so it never comes back.
 */
async function messageWithMedia(accountSid: string, messageSid: string) {
  const message = await getMessage(accountSid, messageSid);
  if (message.mediaUrls.length > 0) {
    await db.messageMedia.createMany({
      data: message.mediaUrls.map((url, position) => ({ sid: newSid("ME"), accountSid, messageSid, position, url, contentType: mediaContentType(url) })),
      skipDuplicates: true,
    });
  }
  return message;
}

/** A message's media, in the order it carried them; another account's message is not found (20404). */
export async function listMessageMedia(accountSid: string, messageSid: string, opts: { skip: number; take: number }) {
  await messageWithMedia(accountSid, messageSid);
  const where = { accountSid, messageSid, deletedAt: null };
  const [items, total] = await Promise.all([
    db.messageMedia.findMany({ where, orderBy: { position: "asc" }, skip: opts.skip, take: opts.take }),
    db.messageMedia.count({ where }),
  ]);
  return { items, total };
}

export async function getMessageMedia(accountSid: string, messageSid: string, mediaSid: string) {
  await messageWithMedia(accountSid, messageSid);
  const media = await db.messageMedia.findFirst({ where: { sid: mediaSid, accountSid, messageSid, deletedAt: null } });
  if (!media) throw notFound(`The requested resource /2010-04-01/Accounts/${accountSid}/Messages/${messageSid}/Media/${mediaSid}.json was not found`);
  return media;
}

/** Deleting a medium hides it from the Media resource; the message's own record (media_urls, num_media) is history and stays. */
export async function deleteMessageMedia(accountSid: string, messageSid: string, mediaSid: string) {
  await messageWithMedia(accountSid, messageSid);
  const { count } = await db.messageMedia.updateMany({ where: { sid: mediaSid, accountSid, messageSid, deletedAt: null }, data: { deletedAt: new Date() } });
  if (count === 0) throw notFound(`The requested resource /2010-04-01/Accounts/${accountSid}/Messages/${messageSid}/Media/${mediaSid}.json was not found`);
}
