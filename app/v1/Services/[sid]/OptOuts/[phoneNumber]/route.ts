import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { normalizeOptOutRecipient, removeOptOut } from "@/lib/server/services/opt-out/change-opt-out";
import { findOptOut } from "@/lib/server/services/opt-out/opt-out-list";
import { optOutResource } from "../opt-out-resource";

type Ctx = { params: Promise<{ sid: string; phoneNumber: string }> };

/** The path segment is the number, URL-encoded (%2B14155550100). */
async function target(params: Ctx["params"]) {
  const { sid, phoneNumber } = await params;
  return { sid, raw: decodeURIComponent(phoneNumber) };
}

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, raw } = await target(params);
  const entry = await findOptOut(accountSid, sid, normalizeOptOutRecipient(raw));
  if (!entry) throw notFound(`The requested resource /Services/${sid}/OptOuts/${raw} was not found`);
  return json(optOutResource(accountSid, entry));
});

/** Opt the number back in (recorded with the API credential); 204, or 20404 when it is not on the list. */
export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const principal = await authenticate(req);
  const { sid, raw } = await target(params);
  await removeOptOut(principal.accountSid, sid, raw, { source: "api", actor: principal.keySid ?? principal.accountSid });
  return noContent();
});
