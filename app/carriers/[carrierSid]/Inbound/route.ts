import { param, verifyUpstreamRequest } from "@/lib/carriers/http/verify-upstream-request";
import { apiHandler } from "@/lib/server/api/respond";
import { receiveInboundMessage } from "@/lib/server/services/messages/receive-inbound-message";

/**
 * POST /carriers/<CR>/Inbound: an HTTP upstream's incoming-message webhook
 * (set it as the upstream number's SMS URL; docs/carriers.md "HTTP upstream").
 * The message enters our inbound pipeline on the carrier's account, and the
 * upstream gets an empty TwiML answer (replies are sent by our own pipeline).
 */
export const POST = apiHandler(async (req, ctx: { params: Promise<{ carrierSid: string }> }) => {
  const { carrierSid } = await ctx.params;
  const { carrier, params } = await verifyUpstreamRequest(req, carrierSid);
  const media: string[] = [];
  for (let i = 0; i < Number(param(params, "NumMedia") ?? 0) && i < 10; i++) {
    const url = param(params, `MediaUrl${i}`);
    if (url) media.push(url);
  }
  await receiveInboundMessage({ from: param(params, "From") ?? "", to: param(params, "To") ?? "", body: param(params, "Body") ?? "", mediaUrls: media }, { accountSid: carrier.accountSid });
  return new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', { status: 200, headers: { "content-type": "text/xml; charset=utf-8" } });
});
