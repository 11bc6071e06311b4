import { z } from "zod";
import { hashApiSecret } from "@/lib/server/api/credentials";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { newSecret, newSid } from "@/lib/server/ids";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/** A key's secret and its hash never reach the audit log, not even redacted (docs/audit.md). */
const KEY_SECRETS = ["secretHash", "secret"];

export const createApiKeySchema = z.object({
  friendlyName: z.string().trim().min(1, "Name is required").max(64, "Name must be at most 64 characters"),
});

/** Creates an API key; the secret is returned this once and only its hash is stored. */
export async function createApiKey(accountSid: string, input: { friendlyName: string }) {
  const secret = newSecret() + newSecret();
  const key = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { sid: newSid("SK"), accountSid, friendlyName: input.friendlyName, secretHash: hashApiSecret(secret) },
    });
    await recordAudit(tx, { accountSid, action: "api_key.create", resource: { type: "api_key", sid: created.sid }, after: created, ignore: KEY_SECRETS });
    return created;
  });
  return { sid: key.sid, friendlyName: key.friendlyName, createdAt: key.createdAt, updatedAt: key.updatedAt, secret };
}

export function listApiKeys(accountSid: string) {
  return db.apiKey.findMany({
    where: { accountSid },
    orderBy: { createdAt: "desc" },
    select: { sid: true, friendlyName: true, createdAt: true },
  });
}

export async function deleteApiKey(accountSid: string, sid: string) {
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "apiKey", sid, accountSid))) throw notFound(`The requested resource /Keys/${sid} was not found`);
    const before = await tx.apiKey.delete({ where: { sid } });
    await recordAudit(tx, { accountSid, action: "api_key.delete", resource: { type: "api_key", sid }, before, ignore: KEY_SECRETS });
  });
}
