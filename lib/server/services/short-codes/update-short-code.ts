import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { setSenderCarrier } from "@/lib/server/services/carriers/sender-carrier";
import type { UpdateShortCodeInput } from "./short-code-schema";
import { getShortCode } from "./short-code-queries";

/** Binds a short code to a carrier (or back to the account default). */
export async function updateShortCode(accountSid: string, sid: string, input: UpdateShortCodeInput) {
  await db.$transaction(async (tx) => {
    const found = await tx.shortCode.count({ where: { sid, accountSid } });
    if (found === 0) throw notFound(`The requested resource /ShortCodes/${sid} was not found`);
    if (input.carrierSid !== undefined) await setSenderCarrier("shortCode", accountSid, sid, input.carrierSid, tx);
  });
  return getShortCode(accountSid, sid);
}
