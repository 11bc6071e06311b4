import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { getService } from "@/lib/server/services/messaging-services/service-queries";

export interface OptOutEntry {
  serviceSid: string;
  recipient: string;
  createdAt: Date;
  source: string;
  /** User id (console), API credential SID (api) or null (keyword). */
  createdBy: string | null;
  /** The console user's email when createdBy is a user of the account. */
  createdByEmail: string | null;
}

/** ILIKE pattern matching any part of the recipient (the search's own % and _ are literal), or null for no search. */
export function containsPattern(search: string | undefined): string | null {
  const q = search?.trim();
  return q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

function searchWhere(serviceSid: string, search: string | undefined): Prisma.Sql {
  const like = containsPattern(search);
  return Prisma.sql`o.service_sid = ${serviceSid} AND (${like}::text IS NULL OR o.recipient ILIKE ${like})`;
}

/** One page of the service's opt-out list, newest first (another account's service is a 404). */
export async function listOptOuts(
  accountSid: string,
  serviceSid: string,
  opts: { search?: string; skip?: number; take?: number } = {},
): Promise<{ items: OptOutEntry[]; total: number }> {
  await getService(accountSid, serviceSid);
  const where = searchWhere(serviceSid, opts.search);
  const [items, count] = await Promise.all([
    db.$queryRaw<OptOutEntry[]>(Prisma.sql`
      SELECT o.service_sid AS "serviceSid", o.recipient, o.created_at AS "createdAt", o.source, o.created_by AS "createdBy",
             u.email AS "createdByEmail"
        FROM opt_outs o LEFT JOIN users u ON u.id = o.created_by AND u.account_sid = ${accountSid}
       WHERE ${where}
       ORDER BY o.created_at DESC, o.recipient
       OFFSET ${opts.skip ?? 0} LIMIT ${opts.take ?? 50}`),
    db.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(*) AS n FROM opt_outs o WHERE ${where}`),
  ]);
  return { items, total: Number(count[0]?.n ?? 0) };
}

/** One entry, or null when the recipient is not opted out. */
export async function findOptOut(accountSid: string, serviceSid: string, recipient: string): Promise<OptOutEntry | null> {
  await getService(accountSid, serviceSid);
  const rows = await db.$queryRaw<OptOutEntry[]>(Prisma.sql`
    SELECT o.service_sid AS "serviceSid", o.recipient, o.created_at AS "createdAt", o.source, o.created_by AS "createdBy",
           u.email AS "createdByEmail"
      FROM opt_outs o LEFT JOIN users u ON u.id = o.created_by AND u.account_sid = ${accountSid}
     WHERE o.service_sid = ${serviceSid} AND o.recipient = ${recipient}`);
  return rows[0] ?? null;
}

export interface OptOutHistoryEntry {
  id: string;
  recipient: string;
  action: string;
  source: string;
  actor: string | null;
  actorEmail: string | null;
  messageSid: string | null;
  createdAt: Date;
}

/** The audit trail (who added or removed whom, and when), newest first. */
export async function listOptOutHistory(accountSid: string, serviceSid: string, opts: { search?: string; take?: number } = {}): Promise<OptOutHistoryEntry[]> {
  await getService(accountSid, serviceSid);
  const like = containsPattern(opts.search);
  return db.$queryRaw<OptOutHistoryEntry[]>(Prisma.sql`
    SELECT e.id::text AS id, e.recipient, e.action, e.source, e.actor, u.email AS "actorEmail", e.message_sid AS "messageSid", e.created_at AS "createdAt"
      FROM opt_out_events e LEFT JOIN users u ON u.id = e.actor AND u.account_sid = ${accountSid}
     WHERE e.service_sid = ${serviceSid} AND (${like}::text IS NULL OR e.recipient ILIKE ${like})
     ORDER BY e.id DESC LIMIT ${opts.take ?? 20}`);
}
