import { assertAccountPath } from "@/lib/server/api/credentials";
import { readForm } from "@/lib/server/api/params";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { deleteMessage } from "@/lib/server/services/messages/delete-message";
import { getMessage } from "@/lib/server/services/messages/message-queries";
import { updateMessage } from "@/lib/server/services/messages/update-message";
import { authenticateCached } from "@/lib/server/api/authenticate-cached";
import { messageResource } from "@/lib/server/api/resources/message";

type Ctx = { params: Promise<{ accountSid: string; sid: string }> };

/** The segment arrives as "SM….json": the suffix is the 2010 API's format marker. */
async function resolve(req: Request, ctx: Ctx) {
  const { accountSid, sid } = await ctx.params;
  const principal = await authenticateCached(req);
  assertAccountPath(principal, accountSid);
  const messageSid = sid.replace(/\.json$/, "");
  if (!/^(SM|MM)[0-9a-fA-F]{32}$/.test(messageSid)) throw notFound();
  return { accountSid, messageSid };
}

export const GET = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, messageSid } = await resolve(req, ctx);
  return json(messageResource(await getMessage(accountSid, messageSid)));
});

export const POST = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, messageSid } = await resolve(req, ctx);
  const form = await readForm(req);
  const last = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);
  const updated = await updateMessage(accountSid, messageSid, { body: last(form.Body), status: last(form.Status) });
  return json(messageResource(updated));
});

export const DELETE = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, messageSid } = await resolve(req, ctx);
  await deleteMessage(accountSid, messageSid);
  return noContent();
});
