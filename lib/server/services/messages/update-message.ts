import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { transitionMessage } from "@/lib/server/message-state/transition-message";
import { getMessage } from "./message-queries";

export interface UpdateMessageInput {
  body?: string;
  status?: string;
}

/**
 * Twilio's two updates: `Body=""` redacts the body (any status except while
 * the message is still waiting to go out), `Status=canceled` cancels a
 * scheduled message (status callback "canceled"). Anything else is an error.
 */
export async function updateMessage(accountSid: string, sid: string, input: UpdateMessageInput) {
  const message = await getMessage(accountSid, sid);
  if (input.status !== undefined) {
    if (input.status !== "canceled") throw new AppError(20001, "Status can only be updated to 'canceled'", 400);
    const canceled = await transitionMessage(sid, ["scheduled"], "canceled");
    if (!canceled) throw new AppError(30409, `Message ${sid} cannot be canceled: its status is ${message.status}`, 400);
    // Best effort: the dispatch job would find the message canceled anyway.
    await db.$executeRaw(Prisma.sql`SELECT graphile_worker.remove_job(${sid})`).catch(() => undefined);
    return canceled;
  }
  if (input.body !== undefined) {
    if (input.body !== "") throw new AppError(20001, "Body can only be updated to an empty string (redaction)", 400);
    if (["accepted", "scheduled", "queued", "sending"].includes(message.status)) {
      throw new AppError(20009, "Cannot redact a message that has not been sent yet", 400);
    }
    const r = await db.message.updateMany({ where: { sid, accountSid }, data: { body: "" } });
    if (r.count === 0) throw new AppError(20404, "Message not found", 404);
    return getMessage(accountSid, sid);
  }
  return message;
}
