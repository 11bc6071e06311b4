"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addOptOut, removeOptOut } from "@/lib/server/services/opt-out/change-opt-out";
import { optOutSettingsFormSchema } from "@/lib/server/services/opt-out/opt-out-form-schema";
import { updateOptOutSettings } from "@/lib/server/services/opt-out/opt-out-settings";
import { previewKeyword } from "@/lib/server/services/opt-out/preview-keyword";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

const inService = { serviceSid: z.string().min(1) };

export async function saveOptOutSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    optOutSettingsFormSchema,
    formToObject(form),
    async ({ serviceSid, config }, viewer) => {
      await updateOptOutSettings(viewer.accountSid, serviceSid, config, viewer.userId);
      revalidatePath(`/services/${serviceSid}/opt-out`);
      return { advancedOptOut: config.advancedOptOut };
    },
    (r) => `Opt-out settings saved (Advanced Opt-Out ${r.advancedOptOut ? "on" : "off"})`,
    { permission: "services.manage" },
  );
}

export async function previewKeywordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ ...inService, from: z.string().trim().min(1, "Enter the phone number that texts"), body: z.string().min(1, "Enter the message text") }),
    formToObject(form),
    ({ serviceSid, from, body }, viewer) => previewKeyword(viewer.accountSid, serviceSid, { from, body }),
    () => "",
    { permission: "services.manage" },
  );
}

export async function addOptOutAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ ...inService, phoneNumber: z.string().trim().min(1, "Enter a phone number") }),
    formToObject(form),
    async ({ serviceSid, phoneNumber }, viewer) => {
      const r = await addOptOut(viewer.accountSid, serviceSid, phoneNumber, { source: "console", actor: viewer.userId });
      revalidatePath(`/services/${serviceSid}/opt-out/list`);
      return { recipient: r.entry.recipient, created: r.created };
    },
    (r) => (r.created ? `${r.recipient} added to the opt-out list` : `${r.recipient} is already on the opt-out list`),
    { permission: "services.manage" },
  );
}

export async function removeOptOutAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ ...inService, recipient: z.string().min(1) }),
    formToObject(form),
    async ({ serviceSid, recipient }, viewer) => {
      await removeOptOut(viewer.accountSid, serviceSid, recipient, { source: "console", actor: viewer.userId });
      revalidatePath(`/services/${serviceSid}/opt-out/list`);
      return { recipient };
    },
    (r) => `${r.recipient} removed from the opt-out list`,
    { permission: "services.manage" },
  );
}
