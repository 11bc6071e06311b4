import { authenticate } from "@/lib/server/api/credentials";
import { alphaSenderResource } from "@/lib/server/api/resources/alpha-sender";
import { fetchPoolMember } from "@/lib/server/api/resources/phone-number";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { removePoolMember } from "@/lib/server/services/sender-pool/remove-pool-member";

type Ctx = { params: Promise<{ sid: string; senderSid: string }> };

/** A per-country alpha sender is not reachable through this door (DestinationAlphaSenders is its home). */
async function fetchDefault(accountSid: string, serviceSid: string, sid: string) {
  const a = await fetchPoolMember(accountSid, serviceSid, sid, "alpha");
  if (a.isoCountryCode !== "") throw notFound(`The requested resource /Services/${serviceSid}/AlphaSenders/${sid} was not found`);
  return a;
}

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  return json(alphaSenderResource(await fetchDefault(accountSid, sid, senderSid), "AlphaSenders"));
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  await fetchDefault(accountSid, sid, senderSid);
  await removePoolMember(accountSid, sid, senderSid);
  return noContent();
});
