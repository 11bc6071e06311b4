import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/server/errors";
import { getConversation } from "@/lib/server/services/conversations/conversation-queries";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { requireViewerPage, type Viewer } from "@/lib/server/auth/session";

/** A service's lookup for a page: a not-found (another account's resource included) becomes Next's 404 page. */
export async function orNotFoundPage<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
}

/** For pages: a service of the signed-in account, or Next's 404 page. */
export async function loadServiceForPage(sid: string): Promise<{ viewer: Viewer; service: Awaited<ReturnType<typeof getService>> }> {
  const viewer = await requireViewerPage();
  return { viewer, service: await orNotFoundPage(getService(viewer.accountSid, sid)) };
}

/** For pages: a conversation thread of the signed-in account, or Next's 404 page. */
export async function loadConversationForPage(sid: string): Promise<{ viewer: Viewer; thread: Awaited<ReturnType<typeof getConversation>> }> {
  const viewer = await requireViewerPage();
  return { viewer, thread: await orNotFoundPage(getConversation(viewer.accountSid, sid)) };
}
