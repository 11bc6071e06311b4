import { authenticate } from "@/lib/server/api/credentials";
import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { usAppToPersonResource } from "@/lib/server/api/resources/us-app-to-person";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { CAMPAIGN_PARAMS, updateCampaignSchema } from "@/lib/server/services/compliance/a2p-schema";
import { deleteCampaign, getCampaign, updateCampaign } from "@/lib/server/services/compliance/a2p-registrations";

type Ctx = { params: Promise<{ sid: string; campaignSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, campaignSid } = await params;
  return json(usAppToPersonResource(await getCampaign(accountSid, sid, campaignSid)));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, campaignSid } = await params;
  const input = parseParams(updateCampaignSchema, pick(await readForm(req), CAMPAIGN_PARAMS), CAMPAIGN_PARAMS);
  return json(usAppToPersonResource(await updateCampaign(accountSid, sid, campaignSid, input)));
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, campaignSid } = await params;
  await deleteCampaign(accountSid, sid, campaignSid);
  return noContent();
});
