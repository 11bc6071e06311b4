import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/**
 * Releases (deletes) a number: it leaves its service's pool and its sticky
 * mappings go with it, in one transaction, so routing never sees a mapping
 * to a sender that no longer exists.
 */
export async function releasePhoneNumber(accountSid: string, sid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.phoneNumber.deleteMany({ where: { sid, accountSid } });
    if (count === 0) throw notFound(`The requested resource /IncomingPhoneNumbers/${sid} was not found`);
    await tx.stickyMapping.deleteMany({ where: { senderSid: sid } });
  });
}
