import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { getMessage } from "@/lib/server/services/messages/message-queries";

/** 2010 Messages/{SM}/Feedback: Outcome is confirmed (the default) or unconfirmed. */
export const feedbackSchema = z.object({
  outcome: z.enum(["confirmed", "unconfirmed"], { error: "Outcome must be confirmed or unconfirmed" }).default("confirmed"),
});

/**
 * Records the app's feedback on one of its messages; a second report
 * replaces the first (one row per message, upserted, so concurrent reports
 * cannot make two). Another account's message is not found (20404).
 */
export async function recordFeedback(accountSid: string, messageSid: string, input: z.infer<typeof feedbackSchema>) {
  await getMessage(accountSid, messageSid);
  return db.messageFeedback.upsert({
    where: { messageSid },
    create: { messageSid, accountSid, outcome: input.outcome },
    update: { outcome: input.outcome },
  });
}
