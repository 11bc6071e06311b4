import { incomingPhoneNumbersByTypeRoute } from "@/lib/server/api/resources/incoming-phone-numbers-by-type";

export const { GET, POST } = incomingPhoneNumbersByTypeRoute("local");
