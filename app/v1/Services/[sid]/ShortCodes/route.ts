import { poolCollectionRoutes } from "@/lib/server/api/pool-collection";
import { ADD_SHORT_CODE_PARAMS, serviceShortCodeResource } from "@/lib/server/api/resources/short-code";
import { addShortCodeToService } from "@/lib/server/services/sender-pool/add-short-code-to-service";
import { listServiceShortCodes } from "@/lib/server/services/sender-pool/pool-queries";
import { addShortCodeSchema } from "@/lib/server/services/sender-pool/sender-pool-schema";

export const { GET, POST } = poolCollectionRoutes({
  key: "short_codes",
  path: "ShortCodes",
  list: listServiceShortCodes,
  toResource: serviceShortCodeResource,
  params: ADD_SHORT_CODE_PARAMS,
  schema: addShortCodeSchema,
  add: (accountSid, serviceSid, input) => addShortCodeToService(accountSid, serviceSid, input.shortCodeSid),
});
