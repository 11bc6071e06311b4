import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { ADD_PHONE_NUMBER_PARAMS, servicePhoneNumberResource } from "@/lib/server/api/resources/phone-number";
import { apiHandler, json } from "@/lib/server/api/respond";
import { addPhoneNumberToService } from "@/lib/server/services/sender-pool/add-phone-number-to-service";
import { listServicePhoneNumbers } from "@/lib/server/services/sender-pool/pool-queries";
import { addPhoneNumberSchema, SENDER_POOL_FIELD_ERROR_CODES } from "@/lib/server/services/sender-pool/sender-pool-schema";

type Ctx = { params: Promise<{ sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listServicePhoneNumbers(accountSid, sid, { skip: page.skip, take: page.pageSize });
  const resources = items.map((n) => servicePhoneNumberResource(n, sid));
  return json(v1Page("phone_numbers", `/v1/Services/${sid}/PhoneNumbers`, q, page, resources, page.skip + items.length < total));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const input = parseParams(addPhoneNumberSchema, pick(await readForm(req), ADD_PHONE_NUMBER_PARAMS), ADD_PHONE_NUMBER_PARAMS, SENDER_POOL_FIELD_ERROR_CODES);
  return json(servicePhoneNumberResource(await addPhoneNumberToService(accountSid, sid, input.phoneNumberSid), sid), 201);
});
