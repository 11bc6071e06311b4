import { authenticate } from "@/lib/server/api/credentials";
import { alphaSenderResource } from "@/lib/server/api/resources/alpha-sender";
import { fetchPoolMember, requireKind } from "@/lib/server/api/resources/phone-number";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { removePoolMember } from "@/lib/server/services/sender-pool/remove-pool-member";

type Ctx = { params: Promise<{ sid: string; senderSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  return json(alphaSenderResource(await fetchPoolMember(accountSid, sid, senderSid, "alpha"), "DestinationAlphaSenders"));
});

/** Alpha senders exist only inside a pool, so removing one deletes it. */
export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  requireKind(sid, senderSid, "alpha");
  await removePoolMember(accountSid, sid, senderSid);
  return noContent();
});
