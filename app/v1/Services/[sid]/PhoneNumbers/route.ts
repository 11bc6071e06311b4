import { poolCollectionRoutes } from "@/lib/server/api/pool-collection";
import { ADD_PHONE_NUMBER_PARAMS, servicePhoneNumberResource } from "@/lib/server/api/resources/phone-number";
import { addPhoneNumberToService } from "@/lib/server/services/sender-pool/add-phone-number-to-service";
import { listServicePhoneNumbers } from "@/lib/server/services/sender-pool/pool-queries";
import { addPhoneNumberSchema } from "@/lib/server/services/sender-pool/sender-pool-schema";

export const { GET, POST } = poolCollectionRoutes({
  key: "phone_numbers",
  path: "PhoneNumbers",
  list: listServicePhoneNumbers,
  toResource: servicePhoneNumberResource,
  params: ADD_PHONE_NUMBER_PARAMS,
  schema: addPhoneNumberSchema,
  add: (accountSid, serviceSid, input) => addPhoneNumberToService(accountSid, serviceSid, input.phoneNumberSid),
});
