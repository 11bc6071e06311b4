import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler, json } from "@/lib/server/api/respond";
import { USECASES } from "@/lib/core/messaging-services/usecases";

export const GET = apiHandler(async (req) => {
  await authenticate(req);
  return json({ usecases: USECASES.map((u) => ({ usecase: u.usecase, description: u.description, purpose: u.purpose })) });
});
