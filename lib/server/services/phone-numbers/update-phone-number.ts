import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { setSenderCarrier } from "@/lib/server/services/carriers/sender-carrier";
import type { UpdatePhoneNumberInput } from "./phone-number-schema";
import { getPhoneNumber } from "./phone-number-queries";

/** Changes a number's friendly name, its own inbound webhook (sms_url + method) and its carrier, in one transaction. */
export async function updatePhoneNumber(accountSid: string, sid: string, input: UpdatePhoneNumberInput) {
  const { carrierSid, ...fields } = input;
  await db.$transaction(async (tx) => {
    // updateMany scopes by account in the same statement; 0 rows = not yours or gone.
    const { count } = await tx.phoneNumber.updateMany({ where: { sid, accountSid }, data: fields });
    if (count === 0) throw notFound(`The requested resource /IncomingPhoneNumbers/${sid} was not found`);
    if (carrierSid !== undefined) await setSenderCarrier("phoneNumber", accountSid, sid, carrierSid, tx);
  });
  return getPhoneNumber(accountSid, sid);
}
