import { authenticateAccountPath, stripJson } from "@/lib/server/api/resources/incoming-phone-number";
import { shortCode2010Resource } from "@/lib/server/api/resources/short-code";
import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { apiHandler, json } from "@/lib/server/api/respond";
import { getShortCode } from "@/lib/server/services/short-codes/short-code-queries";
import { updateShortCode, updateShortCodeSchema } from "@/lib/server/services/short-codes/update-short-code";

type Ctx = { params: Promise<{ accountSid: string; sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid: pathAccount, sid } = await params;
  const accountSid = await authenticateAccountPath(req, pathAccount);
  return json(shortCode2010Resource(await getShortCode(accountSid, stripJson(sid))));
});

const UPDATE_PARAMS = { FriendlyName: "friendlyName", SmsUrl: "smsUrl", SmsMethod: "smsMethod", SmsFallbackUrl: "smsFallbackUrl", SmsFallbackMethod: "smsFallbackMethod" };

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid: pathAccount, sid } = await params;
  const accountSid = await authenticateAccountPath(req, pathAccount);
  const input = parseParams(updateShortCodeSchema, pick(await readForm(req), UPDATE_PARAMS), UPDATE_PARAMS, { smsUrl: 21502, smsFallbackUrl: 21502 });
  return json(shortCode2010Resource(await updateShortCode(accountSid, stripJson(sid), input)));
});
