import { db } from "@/lib/server/db/client";
import type { AlertFilter } from "./alert-filter-schema";

export interface AlertRow {
  id: string;
  code: number;
  level: string;
  text: string;
  messageSid: string | null;
  serviceSid: string | null;
  serviceName: string | null;
  createdAt: Date;
}

const DEFAULT_LIMIT = 50;

interface Cursor {
  t: string;
  i: string;
}

function encodeCursor(row: { createdAt: Date; id: bigint }): string {
  return Buffer.from(JSON.stringify({ t: row.createdAt.toISOString(), i: row.id.toString() } satisfies Cursor)).toString("base64url");
}

function decodeCursor(c: string): { t: Date; i: bigint } | null {
  try {
    const v = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as Cursor;
    if (typeof v.t !== "string" || typeof v.i !== "string" || !/^\d{1,19}$/.test(v.i) || Number.isNaN(Date.parse(v.t))) return null;
    return { t: new Date(v.t), i: BigInt(v.i) };
  } catch {
    return null;
  }
}

/**
 * The account's alerts, newest first, keyset-paged on (created_at, id) with
 * an index per filter (migration 20261126030000_alerts). The account is in
 * the WHERE, so another account's service filter simply matches nothing.
 */
export async function listAlerts(accountSid: string, f: AlertFilter): Promise<{ alerts: AlertRow[]; nextCursor: string | null }> {
  const limit = f.limit ?? DEFAULT_LIMIT;
  const after = f.cursor ? decodeCursor(f.cursor) : null;
  const rows = await db.alert.findMany({
    where: {
      accountSid,
      ...(f.service ? { serviceSid: f.service } : {}),
      ...(f.code ? { code: f.code } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.t } }, { createdAt: after.t, id: { lt: after.i } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { service: { select: { friendlyName: true } } },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    alerts: page.map((a) => ({
      id: a.id.toString(),
      code: a.code,
      level: a.level,
      text: a.text,
      messageSid: a.messageSid,
      serviceSid: a.serviceSid,
      serviceName: a.service?.friendlyName ?? null,
      createdAt: a.createdAt,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
