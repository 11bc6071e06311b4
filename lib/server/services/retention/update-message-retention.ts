import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/** Sets how many days the account's message logs are kept (null: forever). The next purge applies it. */
export async function updateMessageRetention(accountSid: string, days: number | null): Promise<{ messageRetentionDays: number | null }> {
  const { count } = await db.account.updateMany({ where: { sid: accountSid }, data: { messageRetentionDays: days } });
  if (count === 0) throw notFound(`The requested resource /Accounts/${accountSid} was not found`);
  return { messageRetentionDays: days };
}
