import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import type { UpdatePhoneNumberInput } from "./phone-number-schema";
import { getPhoneNumber } from "./phone-number-queries";

/** Changes a number's friendly name and its own inbound webhook (sms_url + method). */
export async function updatePhoneNumber(accountSid: string, sid: string, input: UpdatePhoneNumberInput) {
  // updateMany scopes by account in the same statement; 0 rows = not yours or gone.
  const { count } = await db.phoneNumber.updateMany({ where: { sid, accountSid }, data: input });
  if (count === 0) throw notFound(`The requested resource /IncomingPhoneNumbers/${sid} was not found`);
  return getPhoneNumber(accountSid, sid);
}
