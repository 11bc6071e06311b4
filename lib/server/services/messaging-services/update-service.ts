import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import type { UpdateServiceInput } from "./service-schema";

export async function updateService(accountSid: string, sid: string, input: UpdateServiceInput) {
  // updateMany scopes by account in the same statement; 0 rows = not yours or gone.
  const { count } = await db.service.updateMany({ where: { sid, accountSid }, data: input });
  if (count === 0) throw notFound(`The requested resource /Services/${sid} was not found`);
  return db.service.findFirstOrThrow({ where: { sid, accountSid } });
}
