import "server-only";
import { notFound } from "next/navigation";
import { requireViewerPage, type Viewer } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { getDomain, type LinkDomainRow } from "@/lib/server/services/links/domain-queries";

/** For pages: a link domain of the signed-in account, or Next's 404 page (as page-loaders.ts does for services). */
export async function loadDomainForPage(sid: string): Promise<{ viewer: Viewer; domain: LinkDomainRow }> {
  const viewer = await requireViewerPage();
  try {
    return { viewer, domain: await getDomain(viewer.accountSid, sid) };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
}
