import { z } from "zod";
import { hashApiSecret } from "@/lib/server/api/credentials";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { newSecret, newSid } from "@/lib/server/ids";

export const createApiKeySchema = z.object({
  friendlyName: z.string().trim().min(1, "Name is required").max(64, "Name must be at most 64 characters"),
});

/** Creates an API key; the secret is returned this once and only its hash is stored. */
export async function createApiKey(accountSid: string, input: { friendlyName: string }) {
  const secret = newSecret() + newSecret();
  const key = await db.apiKey.create({
    data: { sid: newSid("SK"), accountSid, friendlyName: input.friendlyName, secretHash: hashApiSecret(secret) },
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
  const { count } = await db.apiKey.deleteMany({ where: { sid, accountSid } });
  if (count === 0) throw notFound(`The requested resource /Keys/${sid} was not found`);
}
