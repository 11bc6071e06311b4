import type { Alert } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/** Alerts are numbered rows; the API names them like Twilio's Monitor alerts: NO + 32 hex of the id. */
export function alertSid(id: bigint): string {
  return "NO" + id.toString(16).padStart(32, "0");
}

function alertId(sid: string): bigint | null {
  if (!/^NO[0-9a-f]{32}$/.test(sid)) return null;
  const id = BigInt("0x" + sid.slice(2));
  // Ids are bigint (signed 64-bit): a larger SID names no alert, and Postgres would refuse it.
  return id <= 0x7fffffffffffffffn ? id : null;
}

/** One alert of the account; another account's (or an unknown) SID is a 20404. */
export async function getAlert(accountSid: string, sid: string): Promise<Alert> {
  const id = alertId(sid);
  const alert = id === null ? null : await db.alert.findFirst({ where: { id, accountSid } });
  if (!alert) throw notFound(`The requested resource /Alerts/${sid} was not found`);
  return alert;
}

export interface AlertPageQuery {
  skip: number;
  take: number;
  logLevel?: string;
  start?: Date;
  end?: Date;
}

/** The REST list (Monitor API): newest first, offset pages, LogLevel and date filters. */
export async function listAlertsPage(accountSid: string, q: AlertPageQuery): Promise<{ items: Alert[]; hasMore: boolean }> {
  const rows = await db.alert.findMany({
    where: {
      accountSid,
      ...(q.logLevel ? { level: q.logLevel } : {}),
      ...(q.start || q.end ? { createdAt: { ...(q.start ? { gte: q.start } : {}), ...(q.end ? { lte: q.end } : {}) } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: q.skip,
    take: q.take + 1,
  });
  return { items: rows.slice(0, q.take), hasMore: rows.length > q.take };
}
