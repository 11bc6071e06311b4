import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/** 2010 Keys create/update: FriendlyName is optional on Twilio (an unnamed key has friendly_name null). */
export const apiKeyNameSchema = z.object({
  friendlyName: z.string().trim().max(64, "Name must be at most 64 characters").optional(),
});

const keyFields = { sid: true, accountSid: true, friendlyName: true, createdAt: true, updatedAt: true } as const;

/** The account's keys, newest first, one page (the secret hash never leaves the service). */
export async function listApiKeysPage(accountSid: string, opts: { skip: number; take: number }) {
  const where = { accountSid };
  const [items, total] = await Promise.all([
    db.apiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { sid: "asc" }], skip: opts.skip, take: opts.take, select: keyFields }),
    db.apiKey.count({ where }),
  ]);
  return { items, total };
}

/** One key of the account; another account's key is not found (20404). */
export async function getApiKey(accountSid: string, sid: string) {
  const key = await db.apiKey.findFirst({ where: { sid, accountSid }, select: keyFields });
  if (!key) throw notFound(`The requested resource /Keys/${sid} was not found`);
  return key;
}

/** Renames a key; the account scope is in the update's own where, so no check-then-write. */
export async function updateApiKey(accountSid: string, sid: string, input: z.infer<typeof apiKeyNameSchema>) {
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "apiKey", sid, accountSid))) throw notFound(`The requested resource /Keys/${sid} was not found`);
    const before = await tx.apiKey.findUniqueOrThrow({ where: { sid }, select: keyFields });
    const after = await tx.apiKey.update({ where: { sid }, data: input.friendlyName === undefined ? {} : { friendlyName: input.friendlyName }, select: keyFields });
    await recordAudit(tx, { accountSid, action: "api_key.update", resource: { type: "api_key", sid }, before, after });
  });
  return getApiKey(accountSid, sid);
}
