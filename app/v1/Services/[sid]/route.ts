import { authenticate } from "@/lib/server/api/credentials";
import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { SERVICE_PARAMS, serviceResource } from "@/lib/server/api/resources/service";
import { registeredServices } from "@/lib/server/services/compliance/a2p-registrations";
import { withApiIncomingHandling } from "@/lib/server/services/inbound/api-incoming-handling";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { deleteService } from "@/lib/server/services/messaging-services/delete-service";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { SERVICE_FIELD_ERROR_CODES, updateServiceSchema } from "@/lib/server/services/messaging-services/service-schema";
import { updateService } from "@/lib/server/services/messaging-services/update-service";

type Ctx = { params: Promise<{ sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const service = await getService(accountSid, (await params).sid);
  return json(serviceResource(service, (await registeredServices(accountSid, [service.sid])).has(service.sid)));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const input = parseParams(updateServiceSchema, pick(await readForm(req), SERVICE_PARAMS), SERVICE_PARAMS, SERVICE_FIELD_ERROR_CODES);
  const service = await updateService(accountSid, (await params).sid, withApiIncomingHandling(input));
  return json(serviceResource(service, (await registeredServices(accountSid, [service.sid])).has(service.sid)));
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  await deleteService(accountSid, (await params).sid);
  return noContent();
});
