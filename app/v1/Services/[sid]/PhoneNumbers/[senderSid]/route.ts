import { poolItemRoutes } from "@/lib/server/api/pool-collection";
import { servicePhoneNumberResource } from "@/lib/server/api/resources/phone-number";

export const { GET, DELETE } = poolItemRoutes("phone_number", servicePhoneNumberResource);
