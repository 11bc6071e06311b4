import { readPage, v2010Page } from "@/lib/server/api/pagination";
import { readQuery } from "@/lib/server/api/params";
import { authenticateAccountPath } from "@/lib/server/api/resources/incoming-phone-number";
import { shortCode2010Resource } from "@/lib/server/api/resources/short-code";
import { apiHandler, json } from "@/lib/server/api/respond";
import { listShortCodes } from "@/lib/server/services/short-codes/short-code-queries";

type Ctx = { params: Promise<{ accountSid: string }> };

/** List only: Twilio has no API to create a short code (they are provisioned), and neither does this server. */
export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const accountSid = await authenticateAccountPath(req, (await params).accountSid);
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listShortCodes(accountSid, { skip: page.skip, take: page.pageSize });
  const path = `/2010-04-01/Accounts/${accountSid}/SMS/ShortCodes.json`;
  return json(v2010Page("short_codes", path, q, page, items.map(shortCode2010Resource), page.skip + items.length < total));
});
