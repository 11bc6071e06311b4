import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { ADD_CHANNEL_SENDER_PARAMS, channelSenderResource } from "@/lib/server/api/resources/channel-sender";
import { apiHandler, json } from "@/lib/server/api/respond";
import { addChannelSenderToService } from "@/lib/server/services/sender-pool/add-channel-sender-to-service";
import { listServiceChannelSenders } from "@/lib/server/services/sender-pool/pool-queries";
import { addChannelSenderSidSchema, SENDER_POOL_FIELD_ERROR_CODES } from "@/lib/server/services/sender-pool/sender-pool-schema";

type Ctx = { params: Promise<{ sid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listServiceChannelSenders(accountSid, sid, { skip: page.skip, take: page.pageSize });
  const resources = items.map((cs) => channelSenderResource(cs, sid));
  // Twilio's meta key for this list is `senders`, not `channel_senders`.
  return json(v1Page("senders", `/v1/Services/${sid}/ChannelSenders`, q, page, resources, page.skip + items.length < total));
});

export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const input = parseParams(addChannelSenderSidSchema, pick(await readForm(req), ADD_CHANNEL_SENDER_PARAMS), ADD_CHANNEL_SENDER_PARAMS, SENDER_POOL_FIELD_ERROR_CODES);
  return json(channelSenderResource(await addChannelSenderToService(accountSid, sid, input.channelSenderSid), sid), 201);
});
