import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { buyPhoneNumber } from "@/lib/server/services/phone-numbers/buy-phone-number";
import { assertPoolHasRoom, lockServiceForPoolChange } from "./pool-lock";

export const buyNumberIntoPoolSchema = z.object({
  serviceSid: z.string(),
  phoneNumber: z.string().trim().min(1, "Choose a number to buy"),
});
export type BuyNumberIntoPoolInput = z.infer<typeof buyNumberIntoPoolSchema>;

/**
 * Buys a number of the inventory and puts it in a service's pool, as one
 * write (the guided setup's "Buy and add", docs/console.md): a refusal of
 * either half (21422 taken, 21714 pool full, 21715 no SMS/MMS, 20404 not the
 * account's service) leaves neither the purchase nor the pool change behind.
 * The service row is locked first, as every pool change does.
 */
export async function buyNumberIntoPool(accountSid: string, input: BuyNumberIntoPoolInput) {
  return db.$transaction(async (tx) => {
    await lockServiceForPoolChange(tx, accountSid, input.serviceSid);
    await assertPoolHasRoom(tx, input.serviceSid);
    const n = await buyPhoneNumber(accountSid, { phoneNumber: input.phoneNumber }, undefined, tx);
    if (!n.smsEnabled && !n.mmsEnabled) {
      throw new AppError(21715, `${n.phoneNumber} cannot send SMS or MMS, so it cannot join a sender pool`, 400, "phoneNumber");
    }
    return tx.phoneNumber.update({ where: { sid: n.sid }, data: { serviceSid: input.serviceSid, addedToServiceAt: new Date() } });
  });
}
