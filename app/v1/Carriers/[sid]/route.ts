import { authenticate } from "@/lib/server/api/credentials";
import { pick, readForm } from "@/lib/server/api/params";
import { CARRIER_PARAMS, carrierResource, parseCarrierParams } from "@/lib/server/api/resources/carrier";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { withLiveState } from "@/lib/server/services/carriers/carrier-live-state";
import { getCarrierWithLive } from "@/lib/server/services/carriers/carrier-queries";
import { updateCarrierSchema } from "@/lib/server/services/carriers/carrier-schema";
import { deleteCarrier } from "@/lib/server/services/carriers/delete-carrier";
import { updateCarrier } from "@/lib/server/services/carriers/update-carrier";

type Ctx = { params: Promise<{ sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  return json(carrierResource(await getCarrierWithLive(accountSid, (await params).sid)));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const input = parseCarrierParams(updateCarrierSchema, pick(await readForm(req), CARRIER_PARAMS), CARRIER_PARAMS);
  const [updated] = await withLiveState([await updateCarrier(accountSid, (await params).sid, input)]);
  return json(carrierResource(updated!));
});

/** Also takes the carrier out of routes and unbinds its senders (one transaction). */
export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  await deleteCarrier(accountSid, (await params).sid);
  return noContent();
});
