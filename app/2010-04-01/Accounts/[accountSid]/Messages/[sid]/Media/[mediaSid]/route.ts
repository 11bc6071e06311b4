import { authenticate, assertAccountPath } from "@/lib/server/api/credentials";
import { mediaResource } from "@/lib/server/api/resources/media";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { deleteMessageMedia, getMessageMedia } from "@/lib/server/services/media/message-media";

type Ctx = { params: Promise<{ accountSid: string; sid: string; mediaSid: string }> };

/** "ME….json" is the Media resource; "ME…" without the suffix is its content, as on Twilio. */
async function resolve(req: Request, ctx: Ctx) {
  const { accountSid, sid, mediaSid } = await ctx.params;
  assertAccountPath(await authenticate(req), accountSid);
  const content = !mediaSid.endsWith(".json");
  const meSid = mediaSid.replace(/\.json$/, "");
  if (!/^(SM|MM)[0-9a-fA-F]{32}$/.test(sid) || !/^ME[0-9a-fA-F]{32}$/.test(meSid)) throw notFound();
  return { accountSid, messageSid: sid, mediaSid: meSid, content };
}

/**
 * The content is a 302 to the URL the message carried: this server does not
 * fetch or store the bytes (a server-side fetch of an arbitrary URL is an
 * SSRF risk; docs/api.md "Media"). Credentials are required, as Twilio's
 * default "HTTP Basic Authentication for media" does.
 */
export const GET = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, messageSid, mediaSid, content } = await resolve(req, ctx);
  const media = await getMessageMedia(accountSid, messageSid, mediaSid);
  if (content) return new Response(null, { status: 302, headers: { location: media.url, "content-type": media.contentType } });
  return json(mediaResource(media));
});

export const DELETE = apiHandler<Ctx>(async (req, ctx) => {
  const { accountSid, messageSid, mediaSid } = await resolve(req, ctx);
  await deleteMessageMedia(accountSid, messageSid, mediaSid);
  return noContent();
});
