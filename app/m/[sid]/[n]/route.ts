import { convertedMediaUrl } from "@/lib/server/services/media/converted-media-url";

/**
 * MMS Converter link: `/m/{MessageSid}/{n}` redirects to the n-th media URL
 * of a converted message. Public like Twilio's p.twil.io links (the
 * recipient's phone opens it); the 34-character SID is the unguessable part.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ sid: string; n: string }> }) {
  const { sid, n } = await params;
  const index = Number(n);
  if (!/^MM[0-9a-f]{32}$/.test(sid) || !Number.isInteger(index) || index < 1) return new Response("Not found", { status: 404 });
  const url = await convertedMediaUrl(sid, index);
  if (!url) return new Response("Not found", { status: 404 });
  return Response.redirect(url, 302);
}
