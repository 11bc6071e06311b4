import { parseParams, pick, readForm } from "@/lib/server/api/params";
import {
  authenticateAccountPath,
  incomingPhoneNumberResource,
  stripJson,
  UPDATE_PHONE_NUMBER_PARAMS,
} from "@/lib/server/api/resources/incoming-phone-number";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { getPhoneNumber } from "@/lib/server/services/phone-numbers/phone-number-queries";
import { PHONE_NUMBER_FIELD_ERROR_CODES, updatePhoneNumberSchema } from "@/lib/server/services/phone-numbers/phone-number-schema";
import { releasePhoneNumber } from "@/lib/server/services/phone-numbers/release-phone-number";
import { updatePhoneNumber } from "@/lib/server/services/phone-numbers/update-phone-number";

type Ctx = { params: Promise<{ accountSid: string; sid: string }> };

async function resolve(req: Request, ctx: Ctx) {
  const { accountSid, sid } = await ctx.params;
  return { accountSid: await authenticateAccountPath(req, accountSid), sid: stripJson(sid) };
}

export const GET = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, sid } = await resolve(req, ctx);
  return json(incomingPhoneNumberResource(await getPhoneNumber(accountSid, sid)));
});

export const POST = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, sid } = await resolve(req, ctx);
  const input = parseParams(updatePhoneNumberSchema, pick(await readForm(req), UPDATE_PHONE_NUMBER_PARAMS), UPDATE_PHONE_NUMBER_PARAMS, PHONE_NUMBER_FIELD_ERROR_CODES);
  return json(incomingPhoneNumberResource(await updatePhoneNumber(accountSid, sid, input)));
});

/** Releasing takes the number out of its service's pool too (the service layer does both at once). */
export const DELETE = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, sid } = await resolve(req, ctx);
  await releasePhoneNumber(accountSid, sid);
  return noContent();
});
