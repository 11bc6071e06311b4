import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import type { LogFilter } from "./log-filter-schema";

export interface LogRow {
  sid: string;
  service_sid: string | null;
  direction: string;
  from: string | null;
  to: string;
  body: string;
  status: string;
  error_code: number | null;
  num_segments: number;
  encoding: string | null;
  created_at: Date;
  date_sent: Date | null;
}

interface Cursor {
  t: string; // created_at ISO with microseconds lost is fine: sid breaks ties
  s: string;
}

export function encodeCursor(row: Pick<LogRow, "created_at" | "sid">): string {
  return Buffer.from(JSON.stringify({ t: row.created_at.toISOString(), s: row.sid } satisfies Cursor)).toString("base64url");
}

function decodeCursor(c: string): Cursor | null {
  try {
    const v = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as Cursor;
    return typeof v.t === "string" && typeof v.s === "string" && !Number.isNaN(Date.parse(v.t)) ? v : null;
  } catch {
    return null;
  }
}

/** The WHERE clause of a log query; the account is always the first condition. */
export function logWhere(accountSid: string, f: LogFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`account_sid = ${accountSid}`];
  if (f.service) parts.push(Prisma.sql`service_sid = ${f.service}`);
  if (f.direction === "inbound") parts.push(Prisma.sql`direction = 'inbound'`);
  if (f.direction === "outbound") parts.push(Prisma.sql`direction <> 'inbound'`);
  if (f.status) parts.push(Prisma.sql`status = ${f.status}`);
  if (f.errorCode !== undefined) parts.push(Prisma.sql`error_code = ${f.errorCode}`);
  if (f.to) parts.push(Prisma.sql`"to" = ${f.to}`);
  if (f.from) parts.push(Prisma.sql`"from" = ${f.from}`);
  if (f.dateFrom) parts.push(Prisma.sql`created_at >= ${new Date(`${f.dateFrom}T00:00:00Z`)}`);
  if (f.dateTo) parts.push(Prisma.sql`created_at < ${new Date(Date.parse(`${f.dateTo}T00:00:00Z`) + 86_400_000)}`);
  return Prisma.join(parts, " AND ");
}

/**
 * One page of the Message Logs, keyset-paginated on (created_at, sid) so a
 * page deep in ten million rows costs the same as the first. Exact filters
 * (To/From are whole addresses) keep every query on an index.
 */
export async function searchMessageLogs(accountSid: string, f: LogFilter) {
  const limit = f.limit ?? 50;
  const newest = (f.sort ?? "newest") === "newest";
  const cursor = f.cursor ? decodeCursor(f.cursor) : null;
  const where = [logWhere(accountSid, f)];
  if (cursor) {
    const t = new Date(cursor.t);
    where.push(newest ? Prisma.sql`(created_at, sid) < (${t}, ${cursor.s})` : Prisma.sql`(created_at, sid) > (${t}, ${cursor.s})`);
  }
  const order = newest ? Prisma.sql`created_at DESC, sid DESC` : Prisma.sql`created_at ASC, sid ASC`;
  const rows = await db.$queryRaw<LogRow[]>(Prisma.sql`
    SELECT sid, service_sid, direction, "from", "to", left(body, 160) AS body, status, error_code, num_segments, encoding, created_at, date_sent
      FROM messages
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${order}
     LIMIT ${limit + 1}`);
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(last) : null };
}
