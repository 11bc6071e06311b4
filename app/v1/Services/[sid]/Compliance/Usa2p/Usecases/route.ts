import { A2P_USECASES } from "@/lib/core/a2p/vetting";
import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler, json } from "@/lib/server/api/respond";
import { getService } from "@/lib/server/services/messaging-services/service-queries";

type Ctx = { params: Promise<{ sid: string }> };

/** The A2P use cases a campaign of this service may register (the same for every brand here). */
export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  await getService(accountSid, (await params).sid);
  return json({ us_app_to_person_usecases: A2P_USECASES });
});
