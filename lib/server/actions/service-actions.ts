"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createService } from "@/lib/server/services/messaging-services/create-service";
import { deleteService } from "@/lib/server/services/messaging-services/delete-service";
import { createServiceSchema, updateServiceSchema } from "@/lib/server/services/messaging-services/service-schema";
import type { ActionState } from "./action-state";
import { saveServiceSettings } from "./save-service-settings";
import { formToObject, runAction } from "./run-action";

export async function createServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    createServiceSchema,
    formToObject(form),
    (data, viewer) => createService(viewer.accountSid, data),
    (s) => `Created ${s.friendlyName}`,
    { permission: "services.manage" },
  );
  // The guided setup goes on with the senders (docs/console.md "Guided setup").
  if (state.ok && typeof state.data?.sid === "string") redirect(`/services/${state.data.sid}/setup/senders`);
  return state;
}

const updateSchema = updateServiceSchema.extend({ sid: z.string() });

export async function updateServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return saveServiceSettings(updateSchema, form);
}

export async function deleteServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    z.object({ sid: z.string() }),
    formToObject(form),
    async ({ sid }, viewer) => {
      await deleteService(viewer.accountSid, sid);
      revalidatePath("/services");
      return { sid };
    },
    () => "Service deleted",
    { permission: "services.manage" },
  );
  if (state.ok) redirect("/services?deleted=1");
  return state;
}
