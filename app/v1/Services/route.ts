import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { SERVICE_PARAMS, serviceResource } from "@/lib/server/api/resources/service";
import { registeredServices } from "@/lib/server/services/compliance/a2p-registrations";
import { withApiIncomingHandling } from "@/lib/server/services/inbound/api-incoming-handling";
import { apiHandler, json } from "@/lib/server/api/respond";
import { createService } from "@/lib/server/services/messaging-services/create-service";
import { createServiceSchema, SERVICE_FIELD_ERROR_CODES } from "@/lib/server/services/messaging-services/service-schema";
import { listServices } from "@/lib/server/services/messaging-services/service-queries";

export const GET = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listServices(accountSid, { skip: page.skip, take: page.pageSize });
  const registered = await registeredServices(accountSid, items.map((s) => s.sid));
  return json(v1Page("services", "/v1/Services", q, page, items.map((s) => serviceResource(s, registered.has(s.sid))), page.skip + items.length < total));
});

export const POST = apiHandler(async (req) => {
  const { accountSid } = await authenticate(req);
  const input = parseParams(createServiceSchema, pick(await readForm(req), SERVICE_PARAMS), SERVICE_PARAMS, SERVICE_FIELD_ERROR_CODES);
  return json(serviceResource(await createService(accountSid, withApiIncomingHandling(input))), 201);
});
