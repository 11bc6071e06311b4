import { db } from "@/lib/server/db/client";

/** MMS Converter links live 365 days (docs/product.md "MMS"). */
const LINK_LIFETIME_MS = 365 * 86_400_000;

/**
 * The n-th (1-based) media URL of a message the MMS Converter turned into
 * links, while its link lives; null otherwise. Only messages whose routing
 * outcome says `sent.converted` have such links.
 */
export async function convertedMediaUrl(sid: string, n: number, now = Date.now()): Promise<string | null> {
  const m = await db.message.findUnique({ where: { sid }, select: { mediaUrls: true, createdAt: true, routingTrace: true } });
  if (!m || now - m.createdAt.getTime() > LINK_LIFETIME_MS) return null;
  const converted = (m.routingTrace as { sent?: { converted?: boolean } } | null)?.sent?.converted === true;
  return (converted ? m.mediaUrls[n - 1] : undefined) ?? null;
}
