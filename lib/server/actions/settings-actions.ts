"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, createApiKeySchema, deleteApiKey } from "@/lib/server/services/api-keys/api-keys";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

export async function createApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    createApiKeySchema,
    formToObject(form),
    async (data, viewer) => {
      const key = await createApiKey(viewer.accountSid, data);
      revalidatePath("/settings");
      return key;
    },
    (k) => `Created API key ${k.friendlyName}`,
  );
}

export async function deleteApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ sid: z.string() }),
    formToObject(form),
    async ({ sid }, viewer) => {
      await deleteApiKey(viewer.accountSid, sid);
      revalidatePath("/settings");
      return { sid };
    },
    () => "API key deleted",
  );
}
