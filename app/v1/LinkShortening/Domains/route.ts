import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { apiHandler, json } from "@/lib/server/api/respond";
import { domainResource } from "@/lib/server/api/resources/link-shortening";
import { createDomain } from "@/lib/server/services/links/create-domain";
import { listDomains } from "@/lib/server/services/links/domain-queries";
import { createDomainSchema, DOMAIN_PARAMS } from "@/lib/server/services/links/domain-schema";

/** Extension (Twilio creates domains in its Admin Center): list and add the account's link domains. */
export const GET = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listDomains(accountSid, { skip: page.skip, take: page.pageSize });
  return json(v1Page("domains", "/v1/LinkShortening/Domains", q, page, items.map(domainResource), page.skip + items.length < total));
});

export const POST = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const input = parseParams(createDomainSchema, pick(await readForm(req), DOMAIN_PARAMS), DOMAIN_PARAMS);
  return json(domainResource(await createDomain(accountSid, input)), 201);
});
