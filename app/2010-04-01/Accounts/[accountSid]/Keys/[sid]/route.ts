import { assertAccountPath, authenticate } from "@/lib/server/api/credentials";
import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { stripJson } from "@/lib/server/api/resources/incoming-phone-number";
import { assertAccountCredentials, keyResource } from "@/lib/server/api/resources/key";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { deleteApiKey } from "@/lib/server/services/api-keys/api-keys";
import { apiKeyNameSchema, getApiKey, updateApiKey } from "@/lib/server/services/api-keys/manage-api-key";

type Ctx = { params: Promise<{ accountSid: string; sid: string }> };
const PARAMS = { FriendlyName: "friendlyName" };

async function resolve(req: Request, ctx: Ctx) {
  const { accountSid, sid } = await ctx.params;
  const principal = await authenticate(req);
  assertAccountPath(principal, accountSid);
  assertAccountCredentials(principal);
  return { accountSid, sid: stripJson(sid) };
}

export const GET = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, sid } = await resolve(req, ctx);
  return json(keyResource(await getApiKey(accountSid, sid)));
});

export const POST = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, sid } = await resolve(req, ctx);
  const input = parseParams(apiKeyNameSchema, pick(await readForm(req), PARAMS), PARAMS);
  return json(keyResource(await updateApiKey(accountSid, sid, input)));
});

export const DELETE = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, sid } = await resolve(req, ctx);
  await deleteApiKey(accountSid, sid);
  return noContent();
});
