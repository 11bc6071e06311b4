import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { pick, readForm, readQuery } from "@/lib/server/api/params";
import { parseCarrierParams } from "@/lib/server/api/resources/carrier";
import { CARRIER_ROUTE_PARAMS, carrierRouteResource } from "@/lib/server/api/resources/carrier-route";
import { apiHandler, json } from "@/lib/server/api/respond";
import { listCarrierRoutes } from "@/lib/server/services/carriers/carrier-route-queries";
import { createCarrierRouteSchema } from "@/lib/server/services/carriers/carrier-route-schema";
import { createCarrierRoute } from "@/lib/server/services/carriers/save-carrier-route";

/** Prefix routes: an extension of the v1 API (docs/carriers.md "Carriers API and console"). */
export const GET = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listCarrierRoutes(accountSid, { skip: page.skip, take: page.pageSize });
  return json(v1Page("carrier_routes", "/v1/CarrierRoutes", q, page, items.map(carrierRouteResource), page.skip + items.length < total));
});

export const POST = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const input = parseCarrierParams(createCarrierRouteSchema, pick(await readForm(req), CARRIER_ROUTE_PARAMS), CARRIER_ROUTE_PARAMS);
  return json(carrierRouteResource(await createCarrierRoute(accountSid, input)), 201);
});
