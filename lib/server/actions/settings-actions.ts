"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/server/auth/session";
import { revealAuthToken } from "@/lib/server/services/accounts/auth-tokens";
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
    { permission: "apiKeys.manage" },
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
    { permission: "apiKeys.manage" },
  );
}

/**
 * The signed-in account's auth token, fetched only when the user asks to see
 * it: the settings page no longer ships it in its HTML (docs/security.md
 * "Secrets at rest"). Owners only (docs/team.md "Roles": credentials).
 */
export async function revealAuthTokenAction(): Promise<string> {
  const viewer = await requirePermission("credentials.manage");
  return revealAuthToken(viewer.accountSid, "primary");
}
