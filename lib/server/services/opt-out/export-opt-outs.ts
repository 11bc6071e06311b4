import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { csvCell } from "@/lib/server/security/csv-cell";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { containsPattern } from "./opt-out-list";

const COLUMNS = ["phone_number", "date_created", "source", "created_by"];


/**
 * CSV of the service's whole opt-out list (optionally filtered by the same
 * search as the page), oldest first. The list is at most one row per
 * recipient, so it is read in one query.
 */
export async function exportOptOutsCsv(accountSid: string, serviceSid: string, search?: string): Promise<string> {
  await getService(accountSid, serviceSid);
  const like = containsPattern(search);
  const rows = await db.$queryRaw<{ recipient: string; created_at: Date; source: string; who: string | null }[]>(Prisma.sql`
    SELECT o.recipient, o.created_at, o.source, COALESCE(u.email, o.created_by) AS who
      FROM opt_outs o LEFT JOIN users u ON u.id = o.created_by AND u.account_sid = ${accountSid}
     WHERE o.service_sid = ${serviceSid} AND (${like}::text IS NULL OR o.recipient ILIKE ${like})
     ORDER BY o.created_at, o.recipient`);
  return [COLUMNS.join(","), ...rows.map((r) => [r.recipient, r.created_at, r.source, r.who].map(csvCell).join(","))].join("\r\n") + "\r\n";
}
