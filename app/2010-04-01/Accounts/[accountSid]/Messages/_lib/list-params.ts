import { AppError } from "@/lib/server/errors";
import { inDateRange } from "@/lib/server/api/input-guards";
import type { Params } from "@/lib/server/api/params";
import { parseDateBound, type MessageCursor, type MessageFilters } from "@/lib/server/services/messages/message-queries";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** To / From / DateSent / DateSent< / DateSent> (also the <= / >= spellings some clients send). */
export function readMessageFilters(q: Params): MessageFilters {
  const f: MessageFilters = {};
  const to = one(q.To);
  const from = one(q.From);
  if (to) f.to = to;
  if (from) f.from = from;
  const on = one(q.DateSent);
  const before = one(q["DateSent<"]) ?? one(q["DateSent<="]);
  const after = one(q["DateSent>"]) ?? one(q["DateSent>="]);
  if (on) f.dateSentOn = parseDateBound(on);
  if (before) f.dateSentBefore = parseDateBound(before);
  if (after) f.dateSentAfter = parseDateBound(after);
  return f;
}

/** PageToken "PA<base64url(createdAt-ms:sid)>": a keyset cursor, opaque to clients. */
export function encodeCursor(c: MessageCursor): string {
  return "PA" + Buffer.from(`${c.createdAt.getTime()}:${c.sid}`).toString("base64url");
}

export function decodeCursor(token: string | undefined): MessageCursor | undefined {
  if (!token) return undefined;
  const bad = () => new AppError(20001, "Invalid PageToken", 400);
  if (!token.startsWith("PA")) throw bad();
  const [ms, sid] = Buffer.from(token.slice(2), "base64url").toString("utf8").split(":");
  const at = Number(ms);
  // A forged token must not reach the query: a SID as issued and a storable date (docs/security.md "API input").
  if (!sid || !/^(SM|MM)[0-9a-f]{32}$/.test(sid) || !Number.isFinite(at) || !inDateRange(new Date(at))) throw bad();
  return { createdAt: new Date(at), sid };
}

export function readPageSize(q: Params): number {
  const raw = one(q.PageSize);
  const size = raw === undefined ? 50 : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw new AppError(20001, "PageSize must be between 1 and 1000", 400);
  return size;
}

/** 2010 envelope (no meta, relative URIs) with keyset PageTokens. */
export function messagesPage(path: string, q: Params, pageSize: number, page: number, items: unknown[], next: MessageCursor | undefined) {
  const url = (pageNo: number, token?: string) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) {
      if (k === "Page" || k === "PageSize" || k === "PageToken") continue;
      for (const x of Array.isArray(v) ? v : [v]) sp.append(k, x);
    }
    sp.set("PageSize", String(pageSize));
    sp.set("Page", String(pageNo));
    if (token) sp.set("PageToken", token);
    return `${path}?${sp.toString()}`;
  };
  const start = page * pageSize;
  return {
    messages: items,
    page,
    page_size: pageSize,
    start,
    end: start + Math.max(items.length - 1, 0),
    uri: url(page, one(q.PageToken)),
    first_page_uri: url(0),
    next_page_uri: next ? url(page + 1, encodeCursor(next)) : null,
    // Keyset paging walks forward only; twilio-node never needs the previous page.
    previous_page_uri: null,
  };
}
