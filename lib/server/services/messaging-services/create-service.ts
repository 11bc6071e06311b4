import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import type { CreateServiceInput } from "./service-schema";

export async function createService(accountSid: string, input: CreateServiceInput) {
  return db.service.create({ data: { ...input, sid: newSid("MG"), accountSid } });
}
