import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { domainServiceResource } from "@/lib/server/api/resources/link-shortening";
import { associateService, disassociateService } from "@/lib/server/services/links/associate-service";

type Ctx = { params: Promise<{ domainSid: string; serviceSid: string }> };

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { domainSid, serviceSid } = await params;
  await associateService(accountSid, domainSid, serviceSid);
  return json(domainServiceResource(domainSid, serviceSid), 201);
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { domainSid, serviceSid } = await params;
  await disassociateService(accountSid, domainSid, serviceSid);
  return noContent();
});
