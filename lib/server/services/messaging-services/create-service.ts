import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import type { CreateServiceInput } from "./service-schema";

export async function createService(accountSid: string, input: CreateServiceInput) {
  return db.$transaction(async (tx) => {
    const service = await tx.service.create({ data: { ...input, sid: newSid("MG"), accountSid } });
    await recordAudit(tx, { accountSid, action: "service.create", resource: { type: "service", sid: service.sid }, after: service });
    return service;
  });
}
