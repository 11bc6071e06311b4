import { assertAccountPath } from "@/lib/server/api/credentials";
import { postMessage } from "@/lib/server/api/messages/post-message";
import { readQuery } from "@/lib/server/api/params";
import { apiHandler, json, toResponse } from "@/lib/server/api/respond";
import { listMessages } from "@/lib/server/services/messages/message-queries";
import { authenticateCached } from "@/lib/server/api/authenticate-cached";
import { decodeCursor, messagesPage, readMessageFilters, readPageSize } from "../Messages/_lib/list-params";
import { messageResource } from "@/lib/server/api/resources/message";

type Ctx = { params: Promise<{ accountSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await params;
  assertAccountPath(await authenticateCached(req), accountSid);
  const q = readQuery(req);
  const pageSize = readPageSize(q);
  const token = Array.isArray(q.PageToken) ? q.PageToken[0] : q.PageToken;
  const pageNo = Number((Array.isArray(q.Page) ? q.Page[0] : q.Page) ?? 0) || 0;
  const { items, next } = await listMessages(accountSid, readMessageFilters(q), { pageSize, after: decodeCursor(token) });
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  return json(messagesPage(path, q, pageSize, pageNo, items.map(messageResource), next));
});

// Normally answered by the front server's fast path (lib/server/api/front-server.ts) before Next sees it; the same function here.
export const POST = apiHandler<Ctx>(async (req, { params }) => toResponse(await postMessage(req, (await params).accountSid)));
