"use server";

import { revalidatePath } from "next/cache";
import { messageRetentionSchema } from "@/lib/server/services/retention/retention-schema";
import { updateMessageRetention } from "@/lib/server/services/retention/update-message-retention";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

export async function updateMessageRetentionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    messageRetentionSchema,
    formToObject(form),
    async ({ messageRetentionDays }, viewer) => {
      const saved = await updateMessageRetention(viewer.accountSid, messageRetentionDays);
      revalidatePath("/settings");
      return saved;
    },
    (r) => (r.messageRetentionDays === null ? "Messages are kept forever" : `Messages are kept ${r.messageRetentionDays} days`),
    { permission: "account.manage" },
  );
}
