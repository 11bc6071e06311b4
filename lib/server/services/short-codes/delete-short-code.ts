import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/** Deletes a short code from the inventory, with its sticky mappings, in one transaction. */
export async function deleteShortCode(accountSid: string, sid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.shortCode.deleteMany({ where: { sid, accountSid } });
    if (count === 0) throw notFound(`The requested resource /ShortCodes/${sid} was not found`);
    await tx.stickyMapping.deleteMany({ where: { senderSid: sid } });
  });
}
