"use server";

import { z } from "zod";
import { formBool } from "@/lib/server/validation/fields";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { receiveInboundMessage } from "@/lib/server/services/messages/receive-inbound-message";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";
import { describeSendFailure, failureLine } from "@/lib/core/console/send-failure";

const lines = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().url("Each media URL must be an absolute URL")).max(10, "At most 10 media URLs"),
);

const sendSchema = z.object({
  messagingServiceSid: z.string().min(1, "Choose a Messaging Service"),
  to: z.string().trim().min(1, "Enter the recipient"),
  from: z.string().trim().optional(),
  body: z.string().optional(),
  mediaUrls: lines.optional(),
  shortenUrls: formBool.optional(),
});

/** Send Test: the same createMessage the REST API calls; the page then follows the message. */
export async function sendTestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    sendSchema,
    formToObject(form),
    async (d, viewer) => {
      const m = await createMessage(viewer.accountSid, {
        messagingServiceSid: d.messagingServiceSid,
        to: d.to,
        from: d.from || undefined,
        body: d.body,
        mediaUrls: d.mediaUrls,
        shortenUrls: d.shortenUrls,
      });
      return { sid: m.sid };
    },
    (r) => `Message ${r.sid} accepted`,
    { permission: "messages.send" },
  );
  if (state.ok || state.code === undefined) return state;
  // A refusal shows its code and what it means, under the field it is about when there is one.
  const f = describeSendFailure(state.code, state.message, state.fieldErrors);
  const line = failureLine(f);
  return { ...state, message: line, fieldErrors: f.field ? { [f.field]: [line] } : undefined, data: { field: f.field ?? null } };
}

const replySchema = z.object({
  from: z.string().trim().min(1, "Enter who replies"),
  to: z.string().trim().min(1, "Enter the sender that receives the reply"),
  body: z.string().min(1, "Enter the reply"),
});

/** "Simulate reply": the carrier simulator's inbound path, limited to this account's senders. */
export async function simulateReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    replySchema,
    formToObject(form),
    async (d, viewer) => {
      const m = await receiveInboundMessage({ from: d.from, to: d.to, body: d.body }, { accountSid: viewer.accountSid });
      return { sid: m.sid };
    },
    (r) => `Reply received as ${r.sid}`,
    { permission: "messages.send" },
  );
}
