import { sharedLinkStore } from "@/lib/server/links/shared-link-store";
import { resolveRedirect } from "@/lib/server/links/resolve-redirect";

type Ctx = { params: Promise<{ slug: string }> };

/** Link redirect on the main server (proxy.ts rewrites link-domain requests here; the Host header is kept). */
export async function GET(req: Request, { params }: Ctx): Promise<Response> {
  const { slug } = await params;
  const answer = await resolveRedirect(
    { host: req.headers.get("host") ?? "", path: `/${slug}`, userAgent: req.headers.get("user-agent") ?? "" },
    { store: sharedLinkStore(), now: () => new Date() },
  );
  if (answer.status === 302 && answer.location) {
    return new Response(null, { status: 302, headers: { location: answer.location, "cache-control": "private, max-age=0" } });
  }
  return new Response("404 Not Found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
