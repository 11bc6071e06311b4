import { resolveKeyword } from "@/lib/core/opt-out/resolve-keyword";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db/client";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { parseRecipient } from "@/lib/server/services/messages/parse-recipient";
import { failPendingSends } from "./fail-pending-sends";
import { loadOptOutConfig } from "./load-opt-out-config";

export interface InboundKeywordInput {
  accountSid: string;
  /** The service of the sender that received the message; null when that sender is in none. */
  serviceSid: string | null;
  /** Who texted (the recipient of our messages). */
  from: string;
  /** Our sender address that received the message; the reply goes out from it. */
  to: string;
  body: string;
  /** The inbound message's SID (recorded on the audit event). */
  messageSid: string;
}

/**
 * Handles an inbound message that may be an opt-out, opt-in or help keyword
 * (docs/product.md "Advanced Opt-Out"). Matches the whole body against the service's
 * configuration (or the defaults), with the country override of the texting
 * number's country and the language the keyword belongs to. STOP records the
 * opt-out and fails what is still queued to that number; START lifts it;
 * every keyword gets its reply from the sender that received it. All of it
 * commits in one transaction. Without a service there is no opt-out list to
 * write to: the keyword is still answered and reported.
 */
export async function processInboundKeyword(input: InboundKeywordInput): Promise<{ optOutType: "STOP" | "START" | "HELP" | null }> {
  const sender = parseRecipient(input.from);
  const config = input.serviceSid ? await loadOptOutConfig(input.serviceSid) : null;
  const match = resolveKeyword(input.body, config, { country: sender?.isoCountry ?? null });
  if (!match) return { optOutType: null };
  const recipient = sender?.address ?? input.from.trim();

  await db.$transaction(async (tx) => {
    if (input.serviceSid) {
      if (match.type === "STOP") {
        const added = await tx.$executeRaw(Prisma.sql`
          INSERT INTO opt_outs (service_sid, recipient, created_at, created_by, source)
          VALUES (${input.serviceSid}, ${recipient}, now(), NULL, 'keyword')
          ON CONFLICT (service_sid, recipient) DO NOTHING`);
        if (added) await recordEvent(tx, input, recipient, "opt_out");
        await failPendingSends(tx, input.accountSid, input.serviceSid, recipient);
      } else if (match.type === "START") {
        const removed = await tx.$executeRaw(Prisma.sql`DELETE FROM opt_outs WHERE service_sid = ${input.serviceSid} AND recipient = ${recipient}`);
        if (removed) await recordEvent(tx, input, recipient, "opt_in");
      }
    }
    // The reply answers the number's own message: it goes out even to a number that just
    // opted out (allowOptedOut here, opt_out_replies for dispatch's re-check).
    if (!sender) return; // e.g. a short code texting us: nothing to reply to
    const reply = await createMessage(
      input.accountSid,
      { to: recipient, from: input.to, messagingServiceSid: input.serviceSid ?? undefined, body: match.reply },
      { tx, allowOptedOut: true },
    );
    await tx.optOutReply.create({ data: { messageSid: reply.sid, inboundSid: input.messageSid } });
  });
  return { optOutType: match.type };
}

async function recordEvent(tx: Tx, input: InboundKeywordInput, recipient: string, action: "opt_out" | "opt_in") {
  await tx.optOutEvent.create({
    data: { serviceSid: input.serviceSid!, recipient, action, source: "keyword", actor: null, messageSid: input.messageSid },
  });
}
