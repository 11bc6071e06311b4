import { authenticate } from "@/lib/server/api/credentials";
import { fetchPoolMember, requireKind } from "@/lib/server/api/resources/phone-number";
import { serviceShortCodeResource } from "@/lib/server/api/resources/short-code";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { removePoolMember } from "@/lib/server/services/sender-pool/remove-pool-member";

type Ctx = { params: Promise<{ sid: string; senderSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  return json(serviceShortCodeResource(await fetchPoolMember(accountSid, sid, senderSid, "short_code"), sid));
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  requireKind(sid, senderSid, "short_code");
  await removePoolMember(accountSid, sid, senderSid);
  return noContent();
});
