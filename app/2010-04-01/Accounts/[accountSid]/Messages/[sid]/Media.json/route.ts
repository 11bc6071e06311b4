import { authenticate, assertAccountPath } from "@/lib/server/api/credentials";
import { readPage, v2010Page } from "@/lib/server/api/pagination";
import { readQuery } from "@/lib/server/api/params";
import { mediaResource } from "@/lib/server/api/resources/media";
import { apiHandler, json } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { listMessageMedia } from "@/lib/server/services/media/message-media";

type Ctx = { params: Promise<{ accountSid: string; sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid, sid } = await params;
  assertAccountPath(await authenticate(req), accountSid);
  if (!/^(SM|MM)[0-9a-fA-F]{32}$/.test(sid)) throw notFound();
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listMessageMedia(accountSid, sid, { skip: page.skip, take: page.pageSize });
  const path = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json`;
  return json(v2010Page("media_list", path, q, page, items.map(mediaResource), page.skip + items.length < total));
});
