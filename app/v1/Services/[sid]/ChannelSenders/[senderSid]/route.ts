import { authenticate } from "@/lib/server/api/credentials";
import { channelSenderResource } from "@/lib/server/api/resources/channel-sender";
import { fetchPoolMember, requireKind } from "@/lib/server/api/resources/phone-number";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { removePoolMember } from "@/lib/server/services/sender-pool/remove-pool-member";

type Ctx = { params: Promise<{ sid: string; senderSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  return json(channelSenderResource(await fetchPoolMember(accountSid, sid, senderSid, "channel"), sid));
});

/** The sender goes back to the account's inventory (it is not deleted). */
export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  requireKind(sid, senderSid, "channel");
  await removePoolMember(accountSid, sid, senderSid);
  return noContent();
});
