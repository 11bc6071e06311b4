import { assertAccountPath, authenticate } from "@/lib/server/api/credentials";
import { readPage, v2010Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { assertAccountCredentials, keyResource, newKeyResource } from "@/lib/server/api/resources/key";
import { apiHandler, json } from "@/lib/server/api/respond";
import { createApiKey } from "@/lib/server/services/api-keys/api-keys";
import { apiKeyNameSchema, listApiKeysPage } from "@/lib/server/services/api-keys/manage-api-key";

type Ctx = { params: Promise<{ accountSid: string }> };
const PARAMS = { FriendlyName: "friendlyName" };

async function principalFor(req: Request, ctx: Ctx) {
  const principal = await authenticate(req);
  assertAccountPath(principal, (await ctx.params).accountSid);
  assertAccountCredentials(principal);
  return principal.accountSid;
}

export const GET = apiHandler<Ctx>(async (req, ctx) => {
  const accountSid = await principalFor(req, ctx);
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listApiKeysPage(accountSid, { skip: page.skip, take: page.pageSize });
  return json(v2010Page("keys", `/2010-04-01/Accounts/${accountSid}/Keys.json`, q, page, items.map(keyResource), page.skip + items.length < total));
});

export const POST = apiHandler<Ctx>(async (req, ctx) => {
  const accountSid = await principalFor(req, ctx);
  const input = parseParams(apiKeyNameSchema, pick(await readForm(req), PARAMS), PARAMS);
  return json(newKeyResource(await createApiKey(accountSid, { friendlyName: input.friendlyName ?? "" })), 201);
});
