import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

export interface RecentInbound {
  sid: string;
  from: string | null;
  to: string;
  body: string;
  createdAt: Date;
  outcome: string | null;
  url: string | null;
  responseStatus: number | null;
  attempts: number | null;
  replies: number | null;
  lastError: string | null;
}

/**
 * The service's latest received messages and what became of each (webhook,
 * fallback, conversation, nothing and why), for the Integration page: a
 * misconfigured URL shows up where it is configured. Scoped by account in
 * the query (index messages(account_sid, service_sid, created_at, sid)).
 */
export async function listRecentInbound(accountSid: string, serviceSid: string, limit = 10): Promise<RecentInbound[]> {
  return db.$queryRaw<RecentInbound[]>(Prisma.sql`
    SELECT m.sid, m."from", m."to", m.body, m.created_at AS "createdAt",
           h.outcome, h.url, h.response_status AS "responseStatus", h.attempts, h.replies, h.last_error AS "lastError"
      FROM messages m LEFT JOIN inbound_handling h ON h.message_sid = m.sid
     WHERE m.account_sid = ${accountSid} AND m.service_sid = ${serviceSid} AND m.direction = 'inbound'
     ORDER BY m.created_at DESC, m.sid DESC
     LIMIT ${limit}`);
}
