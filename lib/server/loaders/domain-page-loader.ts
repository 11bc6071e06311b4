import "server-only";
import { requireViewerPage, type Viewer } from "@/lib/server/auth/session";
import { getDomain, type LinkDomainRow } from "@/lib/server/services/links/domain-queries";
import { orNotFoundPage } from "./page-loaders";

/** For pages: a link domain of the signed-in account, or Next's 404 page (as page-loaders.ts does for services). */
export async function loadDomainForPage(sid: string): Promise<{ viewer: Viewer; domain: LinkDomainRow }> {
  const viewer = await requireViewerPage();
  return { viewer, domain: await orNotFoundPage(getDomain(viewer.accountSid, sid)) };
}
