import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { senderSidsIn, traceLines } from "@/lib/core/console/trace-labels";
import { db } from "@/lib/server/db/client";

/**
 * What the console shows for each sender a routing trace names by SID: the
 * phone number, short code, alpha ID or channel address. Only the account's
 * own senders are looked up; a SID it does not own (or a deleted sender)
 * gets no label and stays as written.
 */
export async function senderLabelsForTrace(accountSid: string, routingTrace: unknown): Promise<Record<string, string>> {
  const sids = senderSidsIn(traceLines(routingTrace).trace);
  if (sids.length === 0) return {};
  const rows = await db.$queryRaw<{ sid: string; label: string }[]>(Prisma.sql`
    SELECT sid, phone_number AS label FROM phone_numbers WHERE account_sid = ${accountSid} AND sid = ANY(${sids})
    UNION ALL SELECT sid, short_code FROM short_codes WHERE account_sid = ${accountSid} AND sid = ANY(${sids})
    UNION ALL SELECT sid, alpha_sender FROM alpha_senders WHERE account_sid = ${accountSid} AND sid = ANY(${sids})
    UNION ALL SELECT sid, sender FROM channel_senders WHERE account_sid = ${accountSid} AND sid = ANY(${sids})`);
  return Object.fromEntries(rows.map((r) => [r.sid, r.label]));
}
