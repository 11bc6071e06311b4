import { assertAccountPath } from "@/lib/server/api/credentials";
import { pick, readForm, readQuery } from "@/lib/server/api/params";
import { apiHandler, json } from "@/lib/server/api/respond";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { CREATE_MESSAGE_PARAMS } from "@/lib/server/services/messages/message-input";
import { listMessages } from "@/lib/server/services/messages/message-queries";
import { authenticateCached } from "../Messages/_lib/authenticate-cached";
import { decodeCursor, messagesPage, readMessageFilters, readPageSize } from "../Messages/_lib/list-params";
import { messageResource } from "../Messages/_lib/message-resource";

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

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await params;
  assertAccountPath(await authenticateCached(req), accountSid);
  const message = await createMessage(accountSid, pick(await readForm(req), CREATE_MESSAGE_PARAMS));
  return json(messageResource(message), 201);
});
