import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

/** The account's services and senders (the Insights filters' choices), optionally only one service's pool. */
export async function listInsightFilterChoices(accountSid: string, serviceSid?: string) {
  const svc = serviceSid ?? null;
  const [services, senders] = await Promise.all([
    db.service.findMany({ where: { accountSid }, select: { sid: true, friendlyName: true }, orderBy: { friendlyName: "asc" } }),
    db.$queryRaw<{ sender: string }[]>(Prisma.sql`
      SELECT DISTINCT sender FROM (
        SELECT phone_number AS sender, service_sid FROM phone_numbers WHERE account_sid = ${accountSid}
        UNION ALL SELECT short_code, service_sid FROM short_codes WHERE account_sid = ${accountSid}
        UNION ALL SELECT alpha_sender, service_sid FROM alpha_senders WHERE account_sid = ${accountSid}
        UNION ALL SELECT sender, service_sid FROM channel_senders WHERE account_sid = ${accountSid}
      ) s WHERE ${svc}::text IS NULL OR service_sid = ${svc}
      ORDER BY sender LIMIT 500`),
  ]);
  return { services, senders: senders.map((s) => s.sender) };
}
