/**
 * The request header through which the proxy (proxy.ts) tells the pages the
 * path that was opened, so a page that needs sign-in can come back to it.
 * The proxy always sets it, so a client-sent value never reaches a page.
 */
export const PAGE_PATH_HEADER = "x-switchyard-page-path";
