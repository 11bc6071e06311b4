import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";

/** Tenant scoping in the where clause: another account's message is simply not found. */
export async function getMessage(accountSid: string, sid: string, tx: Tx = db) {
  const message = await tx.message.findFirst({ where: { sid, accountSid } });
  if (!message) throw notFound(`The requested resource /2010-04-01/Accounts/${accountSid}/Messages/${sid}.json was not found`);
  return message;
}

export interface MessageFilters {
  to?: string;
  from?: string;
  /** DateSent=: the whole UTC day (of a date, or of a full timestamp: an exact-instant match is never what a caller means). */
  dateSentOn?: DateBound;
  /** DateSent<=: on or before. */
  dateSentBefore?: DateBound;
  /** DateSent>=: on or after. */
  dateSentAfter?: DateBound;
}

/** A DateSent filter value: `YYYY-MM-DD` means a whole day, a full timestamp an instant. */
export interface DateBound {
  start: Date;
  /** Exclusive end for a day; equal to start for an instant. */
  end: Date;
  isDay: boolean;
}

/** Years 1-9999: Postgres refuses some dates JavaScript accepts (docs/security.md "API input"). */
function storableDate(d: Date): boolean {
  const y = d.getUTCFullYear();
  return y >= 1 && y <= 9998;
}

export function parseDateBound(value: string): DateBound {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (day) {
    const start = new Date(`${value.trim()}T00:00:00Z`);
    if (Number.isNaN(start.getTime()) || !storableDate(start)) throw new AppError(20001, `Invalid DateSent value ${value}`, 400);
    return { start, end: new Date(start.getTime() + 86_400_000), isDay: true };
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !storableDate(at)) throw new AppError(20001, `Invalid DateSent value ${value}`, 400);
  return { start: at, end: at, isDay: false };
}

/** Keyset cursor: the last row of the previous page (newest first). */
export interface MessageCursor {
  createdAt: Date;
  sid: string;
}

function whereFor(accountSid: string, f: MessageFilters): Prisma.MessageWhereInput {
  const dateSent: Prisma.DateTimeNullableFilter = {};
  if (f.dateSentOn) {
    const dayStart = new Date(f.dateSentOn.start.toISOString().slice(0, 10) + "T00:00:00Z");
    Object.assign(dateSent, { gte: dayStart, lt: new Date(dayStart.getTime() + 86_400_000) });
  }
  if (f.dateSentBefore) Object.assign(dateSent, f.dateSentBefore.isDay ? { lt: f.dateSentBefore.end } : { lte: f.dateSentBefore.start });
  if (f.dateSentAfter) Object.assign(dateSent, { gte: f.dateSentAfter.start });
  return {
    accountSid,
    ...(f.to ? { to: f.to } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(Object.keys(dateSent).length ? { dateSent } : {}),
  };
}

/**
 * One page of an account's messages, newest first, keyset-paged on
 * (created_at, sid) so deep pages cost the same as the first. Fetches one
 * extra row to know whether a next page exists.
 */
export async function listMessages(accountSid: string, filters: MessageFilters, page: { pageSize: number; after?: MessageCursor }) {
  const where = whereFor(accountSid, filters);
  if (page.after) {
    where.OR = [
      { createdAt: { lt: page.after.createdAt } },
      { createdAt: page.after.createdAt, sid: { lt: page.after.sid } },
    ];
  }
  const rows = await db.message.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { sid: "desc" }],
    take: page.pageSize + 1,
  });
  const hasMore = rows.length > page.pageSize;
  const items = hasMore ? rows.slice(0, page.pageSize) : rows;
  const last = items[items.length - 1];
  return { items, hasMore, next: hasMore && last ? { createdAt: last.createdAt, sid: last.sid } : undefined };
}

/** Status history of one message (message detail page). */
export async function listMessageEvents(accountSid: string, sid: string) {
  return db.messageEvent.findMany({ where: { messageSid: sid, accountSid }, orderBy: { id: "asc" } });
}
