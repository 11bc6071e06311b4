import type { TwimlMessage } from "@/lib/core/twiml/parse-twiml";
import type { Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { createMessage } from "@/lib/server/services/messages/create-message";

export interface ReplyContext {
  accountSid: string;
  serviceSid: string | null;
  /** Who texted: the default `to` of a reply. */
  inboundFrom: string;
  /** Our sender that received it: the default `from` of a reply. */
  inboundTo: string;
}

export interface RepliesResult {
  sent: string[];
  /** One line per <Message> that could not be sent (Twilio code and message). */
  errors: string[];
}

/**
 * Sends the <Message>s of a TwiML answer through createMessage (the same
 * validation and pipeline as the REST API), inside the caller's
 * transaction. A reply createMessage refuses (opted-out recipient, no body,
 * bad `from`…) is reported and skipped; the others still go.
 * Through the service when the receiving sender is in one, with the
 * receiving sender as From unless the TwiML says otherwise.
 */
export async function sendTwimlReplies(tx: Tx, ctx: ReplyContext, messages: TwimlMessage[]): Promise<RepliesResult> {
  const result: RepliesResult = { sent: [], errors: [] };
  for (const [i, m] of messages.entries()) {
    try {
      const created = await createMessage(
        ctx.accountSid,
        {
          to: m.to ?? ctx.inboundFrom,
          from: m.from ?? ctx.inboundTo,
          messagingServiceSid: ctx.serviceSid ?? undefined,
          body: m.body,
          mediaUrls: m.mediaUrls,
          statusCallback: m.statusCallback,
        },
        { tx },
      );
      result.sent.push(created.sid);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.errors.push(`<Message> ${i + 1}: ${err.code} ${err.message}`);
    }
  }
  return result;
}
