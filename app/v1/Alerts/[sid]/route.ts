import { authenticate } from "@/lib/server/api/credentials";
import { alertResource } from "@/lib/server/api/resources/alert";
import { apiHandler, json } from "@/lib/server/api/respond";
import { getAlert } from "@/lib/server/services/alerts/query-alerts";

type Ctx = { params: Promise<{ sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  return json(alertResource(await getAlert(accountSid, (await params).sid)));
});
