import { notFound } from "next/navigation";
import { AppError } from "@/lib/server/errors";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { requireViewerPage, type Viewer } from "./session";

/** For pages: a service of the signed-in account, or Next's 404 page. */
export async function loadServiceForPage(sid: string): Promise<{ viewer: Viewer; service: Awaited<ReturnType<typeof getService>> }> {
  const viewer = await requireViewerPage();
  try {
    return { viewer, service: await getService(viewer.accountSid, sid) };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
}
