import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { csvCell } from "@/lib/server/security/csv-cell";
import type { LogFilter } from "./log-filter-schema";
import { logWhere } from "./search-message-logs";

const COLUMNS = ["sid", "date_created", "date_sent", "direction", "from", "to", "status", "error_code", "num_segments", "encoding", "messaging_service_sid", "body"];
const BATCH = 5_000;


interface ExportRow {
  sid: string;
  created_at: Date;
  date_sent: Date | null;
  direction: string;
  from: string | null;
  to: string;
  status: string;
  error_code: number | null;
  num_segments: number;
  encoding: string | null;
  service_sid: string | null;
  body: string;
}

export async function countMessageLogs(accountSid: string, f: LogFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(*) AS n FROM messages WHERE ${logWhere(accountSid, f)}`);
  return Number(row?.n ?? 0);
}

/**
 * CSV of every message matching the filters, produced in keyset batches so
 * memory stays flat however many rows there are; the stream pulls the next
 * batch only when the client has read the previous one (back-pressure).
 */
export function exportMessageLogs(accountSid: string, f: LogFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: { t: Date; s: string } | null = null;
  let header = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return controller.close();
      const where = [logWhere(accountSid, f)];
      if (cursor) where.push(Prisma.sql`(created_at, sid) < (${cursor.t}, ${cursor.s})`);
      const rows = await db.$queryRaw<ExportRow[]>(Prisma.sql`
        SELECT sid, created_at, date_sent, direction, "from", "to", status, error_code, num_segments, encoding, service_sid, body
          FROM messages WHERE ${Prisma.join(where, " AND ")}
         ORDER BY created_at DESC, sid DESC LIMIT ${BATCH}`);
      let chunk = header ? COLUMNS.join(",") + "\r\n" : "";
      header = false;
      for (const r of rows) {
        chunk +=
          [r.sid, r.created_at, r.date_sent, r.direction, r.from, r.to, r.status, r.error_code, r.num_segments, r.encoding, r.service_sid, r.body]
            .map(csvCell)
            .join(",") + "\r\n";
      }
      const last = rows[rows.length - 1];
      if (rows.length < BATCH || !last) done = true;
      else cursor = { t: last.created_at, s: last.sid };
      controller.enqueue(encoder.encode(chunk));
    },
  });
}
