import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler, json } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { domainConfigServiceResource } from "@/lib/server/api/resources/link-shortening";
import { serviceDomain } from "@/lib/server/services/links/domain-queries";

type Ctx = { params: Promise<{ serviceSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { serviceSid } = await params;
  const domain = await serviceDomain(accountSid, serviceSid);
  if (!domain) throw notFound(`No domain config for /LinkShortening/MessagingService/${serviceSid}`);
  return json(domainConfigServiceResource(domain, serviceSid));
});
