import { encodeCursor, type LogRow } from "./search-message-logs";

/** A log row as the page and its JSON route hand it to the browser (dates as ISO strings). */
export interface LogRowJson extends Omit<LogRow, "created_at" | "date_sent"> {
  created_at: string;
  date_sent: string | null;
  cursor: string;
}

export interface LogPageJson {
  items: LogRowJson[];
  nextCursor: string | null;
}

export function logPageJson(page: { items: LogRow[]; nextCursor: string | null }): LogPageJson {
  return {
    items: page.items.map((m) => ({ ...m, created_at: m.created_at.toISOString(), date_sent: m.date_sent?.toISOString() ?? null, cursor: encodeCursor(m) })),
    nextCursor: page.nextCursor,
  };
}
