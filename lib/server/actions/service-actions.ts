"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createService } from "@/lib/server/services/messaging-services/create-service";
import { deleteService } from "@/lib/server/services/messaging-services/delete-service";
import { createServiceSchema, updateServiceSchema } from "@/lib/server/services/messaging-services/service-schema";
import { updateService } from "@/lib/server/services/messaging-services/update-service";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

export async function createServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    createServiceSchema,
    formToObject(form),
    (data, viewer) => createService(viewer.accountSid, data),
    (s) => `Created ${s.friendlyName}`,
  );
  if (state.ok && typeof state.data?.sid === "string") redirect(`/services/${state.data.sid}`);
  return state;
}

const updateSchema = updateServiceSchema.extend({ sid: z.string() });

export async function updateServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    updateSchema,
    formToObject(form),
    async ({ sid, ...data }, viewer) => {
      const s = await updateService(viewer.accountSid, sid, data);
      revalidatePath(`/services/${sid}`, "layout");
      return s;
    },
    () => "Settings saved",
  );
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
  );
  if (state.ok) redirect("/services?deleted=1");
  return state;
}
