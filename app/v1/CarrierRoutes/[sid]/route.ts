import { authenticate } from "@/lib/server/api/credentials";
import { pick, readForm } from "@/lib/server/api/params";
import { parseCarrierParams } from "@/lib/server/api/resources/carrier";
import { CARRIER_ROUTE_PARAMS, carrierRouteResource } from "@/lib/server/api/resources/carrier-route";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { getCarrierRoute } from "@/lib/server/services/carriers/carrier-route-queries";
import { updateCarrierRouteSchema } from "@/lib/server/services/carriers/carrier-route-schema";
import { deleteCarrierRoute, updateCarrierRoute } from "@/lib/server/services/carriers/save-carrier-route";

type Ctx = { params: Promise<{ sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  return json(carrierRouteResource(await getCarrierRoute(accountSid, (await params).sid)));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const input = parseCarrierParams(updateCarrierRouteSchema, pick(await readForm(req), CARRIER_ROUTE_PARAMS), CARRIER_ROUTE_PARAMS);
  return json(carrierRouteResource(await updateCarrierRoute(accountSid, (await params).sid, input)));
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  await deleteCarrierRoute(accountSid, (await params).sid);
  return noContent();
});
