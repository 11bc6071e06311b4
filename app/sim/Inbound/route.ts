import { readForm } from "@/lib/server/api/params";
import { apiHandler, json } from "@/lib/server/api/respond";
import { receiveInboundMessage } from "@/lib/server/services/messages/receive-inbound-message";
import { messageResource } from "@/lib/server/api/resources/message";
import { simAccount } from "../_auth";

const last = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

/** POST /sim/Inbound (From, To, Body, MediaUrl...): a handset texts one of the account's senders. */
export const POST = apiHandler(async (req) => {
  const accountSid = await simAccount(req);
  const form = await readForm(req);
  const media = form.MediaUrl === undefined ? [] : Array.isArray(form.MediaUrl) ? form.MediaUrl : [form.MediaUrl];
  const message = await receiveInboundMessage({ from: last(form.From) ?? "", to: last(form.To) ?? "", body: last(form.Body), mediaUrls: media }, { accountSid });
  return json(messageResource(message), 201);
});
