import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { httpMethod, optionalUrl } from "@/lib/server/validation/fields";
import { getShortCode } from "./short-code-queries";

/** 2010 SMS/ShortCodes update: the short code's name and its own inbound webhook. */
export const updateShortCodeSchema = z.object({
  friendlyName: z.string().trim().max(64, "Friendly name must be at most 64 characters").optional(),
  smsUrl: optionalUrl.optional(),
  smsMethod: httpMethod.optional(),
  smsFallbackUrl: optionalUrl.optional(),
  smsFallbackMethod: httpMethod.optional(),
});

export type UpdateShortCodeInput = z.infer<typeof updateShortCodeSchema>;

/** Updates only the fields given; the account scope is in the update's where (another account's code is 20404). */
export async function updateShortCode(accountSid: string, sid: string, input: UpdateShortCodeInput) {
  const data = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const { count } = await db.shortCode.updateMany({ where: { sid, accountSid }, data });
  if (count === 0) throw notFound(`The requested resource /SMS/ShortCodes/${sid} was not found`);
  return getShortCode(accountSid, sid);
}
