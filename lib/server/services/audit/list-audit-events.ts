import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditJson } from "@/lib/core/audit/audit-diff";
import { db } from "@/lib/server/db/client";
import type { AuditFilter } from "./audit-filter-schema";

export interface AuditEventRow {
  id: string;
  createdAt: Date;
  actorType: string;
  actorLabel: string;
  source: string;
  action: string;
  resourceType: string;
  resourceSid: string;
  serviceSid: string | null;
  before: AuditJson;
  after: AuditJson;
  requestId: string | null;
}

export interface AuditPage {
  events: AuditEventRow[];
  /** Cursor of the next page of older events, or null at the oldest. */
  older: string | null;
  /** Cursor of the page of newer events, or null at the newest. */
  newer: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

interface Key {
  t: Date;
  i: bigint;
}

export function encodeAuditCursor(row: { createdAt: Date; id: string | bigint }): string {
  return Buffer.from(JSON.stringify({ t: row.createdAt.toISOString(), i: row.id.toString() })).toString("base64url");
}

/** A cursor the client may have edited: anything malformed is no cursor (the first page). */
export function decodeAuditCursor(c: string | undefined): Key | null {
  if (!c) return null;
  try {
    const v = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as { t?: unknown; i?: unknown };
    if (typeof v.t !== "string" || typeof v.i !== "string" || !/^\d{1,18}$/.test(v.i) || Number.isNaN(Date.parse(v.t))) return null;
    return { t: new Date(v.t), i: BigInt(v.i) };
  } catch {
    return null;
  }
}

/** created_at is a UTC timestamp without zone (Prisma's DateTime): compare with the instant in UTC. */
const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * One page of the account's audit events, newest first, keyset-paged on
 * (created_at, id) so a page costs the same on the millionth row as on the
 * first (docs/audit.md "Listing"). Every filter is a column of an index
 * that starts with the account; the account is in the WHERE, so another
 * account's events never match. The resource filter matches the resource's
 * own SID or the service it belongs to (a service's SID shows its pool and
 * opt-out changes too).
 */
export async function listAuditEvents(accountSid: string, f: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const before = decodeAuditCursor(f.before);
  const after = before ? null : decodeAuditCursor(f.after);
  const conds: Prisma.Sql[] = [Prisma.sql`account_sid = ${accountSid}`];
  if (f.actor) conds.push(Prisma.sql`actor_label = ${f.actor}`);
  if (f.action) conds.push(Prisma.sql`action = ${f.action}`);
  if (f.resource) conds.push(Prisma.sql`(resource_sid = ${f.resource} OR service_sid = ${f.resource})`);
  if (f.from) conds.push(Prisma.sql`created_at >= ${ts(new Date(`${f.from}T00:00:00Z`))}`);
  if (f.to) conds.push(Prisma.sql`created_at < ${ts(new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000))}`);
  if (before) conds.push(Prisma.sql`(created_at, id) < (${ts(before.t)}, ${before.i})`);
  if (after) conds.push(Prisma.sql`(created_at, id) > (${ts(after.t)}, ${after.i})`);
  // Paging towards newer events reads ascending from the cursor, then shows the page newest first.
  const order = after ? Prisma.sql`created_at ASC, id ASC` : Prisma.sql`created_at DESC, id DESC`;
  const rows = await db.$queryRaw<(Omit<AuditEventRow, "id"> & { id: bigint })[]>(Prisma.sql`
    SELECT id, created_at AS "createdAt", actor_type AS "actorType", actor_label AS "actorLabel", source, action,
           resource_type AS "resourceType", resource_sid AS "resourceSid", service_sid AS "serviceSid", before, after, request_id AS "requestId"
      FROM audit_events
     WHERE ${Prisma.join(conds, " AND ")}
     ORDER BY ${order}
     LIMIT ${pageSize + 1}`);
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (after) page.reverse();
  const events = page.map((r) => ({ ...r, id: r.id.toString() }));
  const first = events[0];
  const last = events[events.length - 1];
  return {
    events,
    older: last && (after || more) ? encodeAuditCursor(last) : null,
    newer: first && (before || (after && more)) ? encodeAuditCursor(first) : null,
  };
}
