import { lookup } from "node:dns/promises";
import { authenticate } from "@/lib/server/api/credentials";
import { publicBaseUrl } from "@/lib/server/api/pagination";
import { apiHandler, json } from "@/lib/server/api/respond";
import { getDomain } from "@/lib/server/services/links/domain-queries";

type Ctx = { params: Promise<{ domainSid: string }> };

/** Whether the domain name resolves at all (we cannot know which address fronts this server). */
export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const domain = await getDomain(accountSid, (await params).domainSid);
  let reason: string | null = null;
  try {
    await lookup(domain.domainName);
  } catch {
    reason = `${domain.domainName} does not resolve in DNS; point it (A/AAAA or CNAME) at this server's link listener.`;
  }
  return json({ domain_sid: domain.sid, is_valid: reason === null, reason, url: `${publicBaseUrl()}/v1/LinkShortening/Domains/${domain.sid}/ValidateDns` });
});
