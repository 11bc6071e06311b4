import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { ADD_DEFAULT_ALPHA_SENDER_PARAMS, alphaSenderResource } from "@/lib/server/api/resources/alpha-sender";
import { apiHandler, json } from "@/lib/server/api/respond";
import { addAlphaSender } from "@/lib/server/services/sender-pool/add-alpha-sender";
import { listServiceAlphaSenders } from "@/lib/server/services/sender-pool/pool-queries";
import { addAlphaSenderSchema, SENDER_POOL_FIELD_ERROR_CODES } from "@/lib/server/services/sender-pool/sender-pool-schema";

type Ctx = { params: Promise<{ sid: string }> };

/** Only the service-wide default (iso_country_code ""); per-country IDs live under DestinationAlphaSenders. */
export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listServiceAlphaSenders(accountSid, sid, { isoCountryCode: "", skip: page.skip, take: page.pageSize });
  const resources = items.map((a) => alphaSenderResource(a, "AlphaSenders"));
  return json(v1Page("alpha_senders", `/v1/Services/${sid}/AlphaSenders`, q, page, resources, page.skip + items.length < total));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const wire = ADD_DEFAULT_ALPHA_SENDER_PARAMS;
  const input = parseParams(addAlphaSenderSchema, pick(await readForm(req), wire), wire, SENDER_POOL_FIELD_ERROR_CODES);
  return json(alphaSenderResource(await addAlphaSender(accountSid, sid, input), "AlphaSenders"), 201);
});
