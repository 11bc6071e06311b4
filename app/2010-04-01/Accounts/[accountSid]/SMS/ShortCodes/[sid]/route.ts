import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { authenticateAccountPath, stripJson } from "@/lib/server/api/resources/incoming-phone-number";
import { shortCode2010Resource, UPDATE_SHORT_CODE_PARAMS } from "@/lib/server/api/resources/short-code";
import { apiHandler, json } from "@/lib/server/api/respond";
import { getShortCode } from "@/lib/server/services/short-codes/short-code-queries";
import { SHORT_CODE_FIELD_ERROR_CODES, updateShortCodeSchema } from "@/lib/server/services/short-codes/short-code-schema";
import { updateShortCode } from "@/lib/server/services/short-codes/update-short-code";

type Ctx = { params: Promise<{ accountSid: string; sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid: pathAccount, sid } = await params;
  const accountSid = await authenticateAccountPath(req, pathAccount);
  return json(shortCode2010Resource(await getShortCode(accountSid, stripJson(sid))));
});

/** Twilio's update (FriendlyName, SMS URLs) plus CarrierSid, the extension (docs/carriers.md). */
export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid: pathAccount, sid } = await params;
  const accountSid = await authenticateAccountPath(req, pathAccount);
  const input = parseParams(updateShortCodeSchema, pick(await readForm(req), UPDATE_SHORT_CODE_PARAMS), UPDATE_SHORT_CODE_PARAMS, SHORT_CODE_FIELD_ERROR_CODES);
  return json(shortCode2010Resource(await updateShortCode(accountSid, stripJson(sid), input)));
});
