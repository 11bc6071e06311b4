import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { UpdateServiceInput } from "@/lib/server/services/messaging-services/service-schema";
import { updateService } from "@/lib/server/services/messaging-services/update-service";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

/**
 * Saves a service section's form: `schema` (the section's fields plus `sid`)
 * validates, updateService writes, every page of the service re-renders.
 * Shared by the section actions, which differ only in their schema.
 */
export function saveServiceSettings(schema: z.ZodType<{ sid: string } & UpdateServiceInput>, form: FormData): Promise<ActionState> {
  return runAction(
    schema,
    formToObject(form),
    async ({ sid, ...data }, viewer) => {
      const s = await updateService(viewer.accountSid, sid, data);
      revalidatePath(`/services/${sid}`, "layout");
      return s;
    },
    () => "Settings saved",
    { permission: "services.manage" },
  );
}
