import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { domainResource } from "@/lib/server/api/resources/link-shortening";
import { deleteDomain } from "@/lib/server/services/links/delete-domain";
import { getDomain } from "@/lib/server/services/links/domain-queries";

type Ctx = { params: Promise<{ domainSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  return json(domainResource(await getDomain(accountSid, (await params).domainSid)));
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  await deleteDomain(accountSid, (await params).domainSid);
  return noContent();
});
