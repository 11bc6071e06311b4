import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { ADD_ALPHA_SENDER_PARAMS, alphaSenderResource } from "@/lib/server/api/resources/alpha-sender";
import { apiHandler, json } from "@/lib/server/api/respond";
import { addAlphaSender } from "@/lib/server/services/sender-pool/add-alpha-sender";
import { listServiceAlphaSenders } from "@/lib/server/services/sender-pool/pool-queries";
import { addAlphaSenderSchema, SENDER_POOL_FIELD_ERROR_CODES } from "@/lib/server/services/sender-pool/sender-pool-schema";

type Ctx = { params: Promise<{ sid: string }> };

/** Every alpha sender of the service, the default included (iso_country_code ""); IsoCountryCode narrows to one country. */
export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const q = readQuery(req);
  const page = readPage(q);
  const iso = Array.isArray(q.IsoCountryCode) ? q.IsoCountryCode[0] : q.IsoCountryCode;
  const { items, total } = await listServiceAlphaSenders(accountSid, sid, {
    isoCountryCode: iso ? iso.trim() : undefined,
    skip: page.skip,
    take: page.pageSize,
  });
  const resources = items.map((a) => alphaSenderResource(a, "DestinationAlphaSenders"));
  return json(v1Page("alpha_senders", `/v1/Services/${sid}/DestinationAlphaSenders`, q, page, resources, page.skip + items.length < total));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const input = parseParams(addAlphaSenderSchema, pick(await readForm(req), ADD_ALPHA_SENDER_PARAMS), ADD_ALPHA_SENDER_PARAMS, SENDER_POOL_FIELD_ERROR_CODES);
  return json(alphaSenderResource(await addAlphaSender(accountSid, sid, input), "DestinationAlphaSenders"), 201);
});
