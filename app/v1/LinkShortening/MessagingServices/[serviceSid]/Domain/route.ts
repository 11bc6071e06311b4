import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler, json } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { serviceDomainResource } from "@/lib/server/api/resources/link-shortening";
import { serviceDomain } from "@/lib/server/services/links/domain-queries";

type Ctx = { params: Promise<{ serviceSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { serviceSid } = await params;
  const domain = await serviceDomain(accountSid, serviceSid);
  if (!domain) throw notFound(`No domain for /LinkShortening/MessagingServices/${serviceSid}`);
  return json(serviceDomainResource(domain.sid, serviceSid));
});
