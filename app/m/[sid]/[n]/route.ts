import { db } from "@/lib/server/db/client";

/** MMS Converter links live 365 days (docs/product.md "MMS"). */
const LINK_LIFETIME_MS = 365 * 86_400_000;

/**
 * MMS Converter link: `/m/{MessageSid}/{n}` redirects to the n-th media URL
 * of a converted message. Public like Twilio's p.twil.io links (the
 * recipient's phone opens it); the 34-character SID is the unguessable part.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ sid: string; n: string }> }) {
  const { sid, n } = await params;
  const index = Number(n);
  if (!/^MM[0-9a-f]{32}$/.test(sid) || !Number.isInteger(index) || index < 1) return new Response("Not found", { status: 404 });
  const m = await db.message.findUnique({ where: { sid }, select: { mediaUrls: true, createdAt: true, routingTrace: true } });
  // Only messages the converter actually turned into links (routing-outcome `sent.converted`).
  const converted = (m?.routingTrace as { sent?: { converted?: boolean } } | null)?.sent?.converted === true;
  const url = converted ? m?.mediaUrls[index - 1] : undefined;
  if (!m || !url || Date.now() - m.createdAt.getTime() > LINK_LIFETIME_MS) return new Response("Not found", { status: 404 });
  return Response.redirect(url, 302);
}
