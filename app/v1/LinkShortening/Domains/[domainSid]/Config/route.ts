import { authenticate } from "@/lib/server/api/credentials";
import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { apiHandler, json } from "@/lib/server/api/respond";
import { domainConfigResource } from "@/lib/server/api/resources/link-shortening";
import { getDomain } from "@/lib/server/services/links/domain-queries";
import { CONFIG_PARAMS, domainConfigSchema } from "@/lib/server/services/links/domain-schema";
import { updateDomainConfig } from "@/lib/server/services/links/update-domain-config";

type Ctx = { params: Promise<{ domainSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  return json(domainConfigResource(await getDomain(accountSid, (await params).domainSid)));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const input = parseParams(domainConfigSchema, pick(await readForm(req), CONFIG_PARAMS), CONFIG_PARAMS);
  return json(domainConfigResource(await updateDomainConfig(accountSid, (await params).domainSid, input)));
});
