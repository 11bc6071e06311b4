"use server";

import { z } from "zod";
import { formToObject, runAction } from "@/lib/server/actions/run-action";
import type { ActionState } from "@/lib/server/actions/action-state";
import { AppError } from "@/lib/server/errors";
import { replyToConversation } from "@/lib/server/services/conversations/reply-to-conversation";
import { createMessageSchema } from "@/lib/server/services/messages/message-input";

/** The body is shaped by createMessage's own schema; createMessage's Twilio checks (21602 empty, 21617 too long) decide the rest. */
const replySchema = createMessageSchema.pick({ body: true }).extend({ sid: z.string() });
/** createMessage codes that are about the text the user typed. */
const BODY_CODES = new Set([21602, 21617]);

export async function replyToConversationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    replySchema,
    formToObject(form),
    async ({ sid, body }, viewer) => {
      try {
        const m = await replyToConversation(viewer.accountSid, sid, { body });
        return { sid: m.sid };
      } catch (err) {
        if (err instanceof AppError && BODY_CODES.has(err.code)) throw new AppError(err.code, err.message, err.status, "body");
        throw err;
      }
    },
    () => "Reply sent",
    { permission: "messages.send" },
  );
}
