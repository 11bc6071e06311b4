import { authenticateAccountPath, stripJson } from "@/lib/server/api/resources/incoming-phone-number";
import { shortCode2010Resource } from "@/lib/server/api/resources/short-code";
import { apiHandler, json } from "@/lib/server/api/respond";
import { getShortCode } from "@/lib/server/services/short-codes/short-code-queries";

type Ctx = { params: Promise<{ accountSid: string; sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid: pathAccount, sid } = await params;
  const accountSid = await authenticateAccountPath(req, pathAccount);
  return json(shortCode2010Resource(await getShortCode(accountSid, stripJson(sid))));
});
