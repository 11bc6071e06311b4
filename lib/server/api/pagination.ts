import { AppError } from "@/lib/server/errors";
import { MAX_OFFSET } from "./input-guards";
import type { Params } from "./params";
import { publicBaseUrl as configuredBaseUrl } from "@/lib/server/config";

export interface PageRequest {
  page: number;
  pageSize: number;
  skip: number;
}

/** PageSize 1-1000 (default 50), Page from 0; PageToken is accepted and carries the page index. */
export function readPage(q: Params): PageRequest {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const sizeRaw = one(q.PageSize);
  const pageSize = sizeRaw === undefined ? 50 : Number(sizeRaw);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new AppError(20001, "PageSize must be between 1 and 1000", 400);
  const token = one(q.PageToken);
  const fromToken = token?.startsWith("PT") ? Number(token.slice(2)) : undefined;
  const page = fromToken ?? Number(one(q.Page) ?? 0);
  if (!Number.isSafeInteger(page) || page < 0) throw new AppError(20001, "Page must be a non-negative integer", 400);
  // A forged PageToken or a huge Page would become an OFFSET Postgres refuses (docs/security.md "API input").
  if (page * pageSize > MAX_OFFSET) throw new AppError(20001, "Page is out of range", 400);
  return { page, pageSize, skip: page * pageSize };
}

export function publicBaseUrl(): string {
  return configuredBaseUrl();
}

function pageUrl(path: string, q: Params, pageSize: number, page: number): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (k === "Page" || k === "PageSize" || k === "PageToken") continue;
    for (const one of Array.isArray(v) ? v : [v]) sp.append(k, one);
  }
  sp.set("PageSize", String(pageSize));
  sp.set("Page", String(page));
  if (page > 0) sp.set("PageToken", `PT${page}`);
  return `${path}?${sp.toString()}`;
}

/** v1 envelope: `meta` with absolute URLs (twilio-node follows next_page_url verbatim). */
export function v1Page<T>(key: string, path: string, q: Params, req: PageRequest, items: T[], hasMore: boolean) {
  const base = publicBaseUrl();
  return {
    meta: {
      page: req.page,
      page_size: req.pageSize,
      first_page_url: base + pageUrl(path, q, req.pageSize, 0),
      previous_page_url: req.page > 0 ? base + pageUrl(path, q, req.pageSize, req.page - 1) : null,
      next_page_url: hasMore ? base + pageUrl(path, q, req.pageSize, req.page + 1) : null,
      key,
      url: base + pageUrl(path, q, req.pageSize, req.page),
    },
    [key]: items,
  };
}

/** 2010 envelope: no meta, relative URIs (the client prefixes its own base URL). */
export function v2010Page<T>(key: string, path: string, q: Params, req: PageRequest, items: T[], hasMore: boolean) {
  return {
    [key]: items,
    page: req.page,
    page_size: req.pageSize,
    start: req.skip,
    end: req.skip + Math.max(items.length - 1, 0),
    uri: pageUrl(path, q, req.pageSize, req.page),
    first_page_uri: pageUrl(path, q, req.pageSize, 0),
    next_page_uri: hasMore ? pageUrl(path, q, req.pageSize, req.page + 1) : null,
    previous_page_uri: req.page > 0 ? pageUrl(path, q, req.pageSize, req.page - 1) : null,
  };
}
