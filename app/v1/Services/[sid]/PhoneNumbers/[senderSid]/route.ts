import { authenticate } from "@/lib/server/api/credentials";
import { fetchPoolMember, requireKind, servicePhoneNumberResource } from "@/lib/server/api/resources/phone-number";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { removePoolMember } from "@/lib/server/services/sender-pool/remove-pool-member";

type Ctx = { params: Promise<{ sid: string; senderSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  return json(servicePhoneNumberResource(await fetchPoolMember(accountSid, sid, senderSid, "phone_number"), sid));
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid, senderSid } = await params;
  requireKind(sid, senderSid, "phone_number");
  await removePoolMember(accountSid, sid, senderSid);
  return noContent();
});
