import type { LogRow } from "./search-message-logs";

/**
 * A log row as the page and its JSON route hand it to the browser: only what
 * the table shows (the first page travels inside the HTML, so every byte
 * counts), dates as ISO strings. Paging uses the page's `nextCursor`.
 */
export type LogRowJson = Pick<LogRow, "sid" | "direction" | "from" | "to" | "body" | "status" | "error_code" | "num_segments"> & { created_at: string };

export interface LogPageJson {
  items: LogRowJson[];
  nextCursor: string | null;
}

export function logPageJson(page: { items: LogRow[]; nextCursor: string | null }): LogPageJson {
  return {
    items: page.items.map((m) => ({
      sid: m.sid,
      direction: m.direction,
      from: m.from,
      to: m.to,
      body: m.body,
      status: m.status,
      error_code: m.error_code,
      num_segments: m.num_segments,
      created_at: m.created_at.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
