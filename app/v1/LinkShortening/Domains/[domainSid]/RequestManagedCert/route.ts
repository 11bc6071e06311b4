import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler, json } from "@/lib/server/api/respond";
import { requestManagedCertResource } from "@/lib/server/api/resources/link-shortening";
import { requestManagedCert } from "@/lib/server/services/links/request-managed-cert";
import { getDomain } from "@/lib/server/services/links/domain-queries";

type Ctx = { params: Promise<{ domainSid: string }> };

/** Answered 200 (the description allows 200 and 201 for this "update"). */
export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const domainSid = (await params).domainSid;
  const { certs } = await requestManagedCert(accountSid, domainSid);
  return json(requestManagedCertResource(await getDomain(accountSid, domainSid), certs));
});
