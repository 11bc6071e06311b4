import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";
import { transitionMessage } from "@/lib/server/message-state/transition-message";

/**
 * Fails the service's not-yet-handed-off messages to `recipient` with 21610,
 * inside the opt-out's transaction. The rows are locked first, so a dispatch
 * worker either moved a message to `sending` before this commits (it was
 * already on its way) or finds it `failed` afterwards: none of them is sent
 * after the opt-out commits. Dispatch's own re-check covers jobs that read
 * the row later.
 */
export async function failPendingSends(tx: Tx, accountSid: string, serviceSid: string, recipient: string): Promise<void> {
  const pending = await tx.$queryRaw<{ sid: string }[]>(Prisma.sql`
    SELECT m.sid FROM messages m
     WHERE m.account_sid = ${accountSid} AND m."to" = ${recipient}
       AND m.status IN ('accepted', 'scheduled', 'queued')
       AND NOT EXISTS (SELECT 1 FROM opt_out_replies r WHERE r.message_sid = m.sid)
       AND (m.service_sid = ${serviceSid}
            OR (m.service_sid IS NULL AND m.sender_sid IN (
                  SELECT sid FROM phone_numbers WHERE service_sid = ${serviceSid}
                  UNION ALL SELECT sid FROM short_codes WHERE service_sid = ${serviceSid}
                  UNION ALL SELECT sid FROM channel_senders WHERE service_sid = ${serviceSid}
                  UNION ALL SELECT sid FROM alpha_senders WHERE service_sid = ${serviceSid})))
     ORDER BY m.sid
     FOR UPDATE`);
  for (const { sid } of pending) {
    await transitionMessage(sid, ["accepted", "scheduled", "queued"], "failed", { errorCode: 21610, errorMessage: "Attempt to send to unsubscribed recipient" }, tx);
  }
}
