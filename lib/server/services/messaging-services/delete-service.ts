import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/**
 * Deleting a service frees its numbers, short codes and channel senders (they
 * stay in the account's inventory) and deletes its alpha senders and sticky
 * mappings, all in one transaction (foreign keys do the detaching).
 */
export async function deleteService(accountSid: string, sid: string) {
  const { count } = await db.service.deleteMany({ where: { sid, accountSid } });
  if (count === 0) throw notFound(`The requested resource /Services/${sid} was not found`);
}
