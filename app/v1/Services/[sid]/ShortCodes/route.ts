import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { ADD_SHORT_CODE_PARAMS, serviceShortCodeResource } from "@/lib/server/api/resources/short-code";
import { apiHandler, json } from "@/lib/server/api/respond";
import { addShortCodeToService } from "@/lib/server/services/sender-pool/add-short-code-to-service";
import { listServiceShortCodes } from "@/lib/server/services/sender-pool/pool-queries";
import { addShortCodeSchema, SENDER_POOL_FIELD_ERROR_CODES } from "@/lib/server/services/sender-pool/sender-pool-schema";

type Ctx = { params: Promise<{ sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listServiceShortCodes(accountSid, sid, { skip: page.skip, take: page.pageSize });
  const resources = items.map((sc) => serviceShortCodeResource(sc, sid));
  return json(v1Page("short_codes", `/v1/Services/${sid}/ShortCodes`, q, page, resources, page.skip + items.length < total));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const input = parseParams(addShortCodeSchema, pick(await readForm(req), ADD_SHORT_CODE_PARAMS), ADD_SHORT_CODE_PARAMS, SENDER_POOL_FIELD_ERROR_CODES);
  return json(serviceShortCodeResource(await addShortCodeToService(accountSid, sid, input.shortCodeSid), sid), 201);
});
