import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { usAppToPersonResource } from "@/lib/server/api/resources/us-app-to-person";
import { apiHandler, json } from "@/lib/server/api/respond";
import { CAMPAIGN_PARAMS, createCampaignSchema } from "@/lib/server/services/compliance/a2p-schema";
import { createCampaign, findServiceCampaign } from "@/lib/server/services/compliance/a2p-registrations";

type Ctx = { params: Promise<{ sid: string }> };

/** A service has at most one campaign: the list is that one, or empty. */
export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const serviceSid = (await params).sid;
  const q = readQuery(req);
  const page = readPage(q);
  const c = await findServiceCampaign(accountSid, serviceSid);
  const items = c && page.skip === 0 ? [usAppToPersonResource(c)] : [];
  return json(v1Page("compliance", `/v1/Services/${serviceSid}/Compliance/Usa2p`, q, page, items, false));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const input = parseParams(createCampaignSchema, pick(await readForm(req), CAMPAIGN_PARAMS), CAMPAIGN_PARAMS);
  return json(usAppToPersonResource(await createCampaign(accountSid, (await params).sid, input)), 201);
});
