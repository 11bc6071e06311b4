"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireViewer } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { decryptToken } from "@/lib/server/security/token-crypto";
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

/**
 * The signed-in account's auth token, fetched only when the user asks to see
 * it: the settings page no longer ships it in its HTML (docs/security.md
 * "Secrets at rest").
 */
export async function revealAuthTokenAction(): Promise<string> {
  const viewer = await requireViewer();
  const account = await db.account.findUniqueOrThrow({ where: { sid: viewer.accountSid }, select: { authToken: true } });
  return decryptToken(account.authToken);
}
