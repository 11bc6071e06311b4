import { authenticate } from "@/lib/server/api/credentials";
import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { externalCampaignResource } from "@/lib/server/api/resources/us-app-to-person";
import { apiHandler, json } from "@/lib/server/api/respond";
import { preregisteredCampaignSchema } from "@/lib/server/services/compliance/a2p-schema";
import { createPreregisteredCampaign } from "@/lib/server/services/compliance/a2p-registrations";

const PARAMS = { CampaignId: "campaignId", MessagingServiceSid: "serviceSid" };

export const POST = apiHandler(async (req: Request) => {
  const { accountSid } = await authenticate(req);
  const input = parseParams(preregisteredCampaignSchema, pick(await readForm(req), PARAMS), PARAMS);
  return json(externalCampaignResource(await createPreregisteredCampaign(accountSid, input)), 201);
});
