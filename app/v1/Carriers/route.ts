import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { pick, readForm, readQuery } from "@/lib/server/api/params";
import { CARRIER_PARAMS, carrierResource, parseCarrierParams } from "@/lib/server/api/resources/carrier";
import { apiHandler, json } from "@/lib/server/api/respond";
import { withLiveState } from "@/lib/server/services/carriers/carrier-live-state";
import { listCarriers } from "@/lib/server/services/carriers/carrier-queries";
import { createCarrierSchema } from "@/lib/server/services/carriers/carrier-schema";
import { createCarrier } from "@/lib/server/services/carriers/create-carrier";

/** Carriers: a documented extension of the v1 API (docs/carriers.md "Carriers API and console"). */
export const GET = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listCarriers(accountSid, { skip: page.skip, take: page.pageSize });
  return json(v1Page("carriers", "/v1/Carriers", q, page, items.map(carrierResource), page.skip + items.length < total));
});

export const POST = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const input = parseCarrierParams(createCarrierSchema, pick(await readForm(req), CARRIER_PARAMS), CARRIER_PARAMS);
  const [created] = await withLiveState([await createCarrier(accountSid, input)]);
  return json(carrierResource(created!), 201);
});
