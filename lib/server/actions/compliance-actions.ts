"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createBrandSchema, createCampaignSchema } from "@/lib/server/services/compliance/a2p-schema";
import { createBrand, createCampaign, deleteCampaign } from "@/lib/server/services/compliance/a2p-registrations";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

// Every page of the service: the Compliance tab and the guided setup's compliance step (docs/console.md).
const page = (serviceSid: string) => `/services/${serviceSid}`;
const serviceSid = z.string().regex(/^MG[0-9a-fA-F]{32}$/);

/** Step 1 of the A2P registration flow: a brand of the account (shared by its services). */
export async function createBrandAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    createBrandSchema.extend({ serviceSid }),
    formToObject(form),
    async ({ serviceSid: sid, ...data }, viewer) => {
      // The brand belongs to the account, but the form is a service's: another account's service is not found (docs/security.md).
      await getService(viewer.accountSid, sid);
      const brand = await createBrand(viewer.accountSid, data);
      revalidatePath(page(sid), "layout");
      return brand;
    },
    (b) => `Brand ${b.companyName} submitted for vetting`,
    { permission: "services.manage" },
  );
}

/** Step 2: the service's campaign, with the same schema the REST API uses; samples are typed one per line. */
export async function createCampaignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = formToObject(form);
  if (typeof input.messageSamples === "string") input.messageSamples = input.messageSamples.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return runAction(
    createCampaignSchema.extend({ serviceSid }),
    input,
    async ({ serviceSid: sid, ...data }, viewer) => {
      const c = await createCampaign(viewer.accountSid, sid, data);
      revalidatePath(page(sid), "layout");
      return { sid: c.sid };
    },
    () => "Campaign submitted for vetting",
    { permission: "services.manage" },
  );
}

export async function deleteCampaignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ serviceSid, sid: z.string() }),
    formToObject(form),
    async ({ serviceSid: svc, sid }, viewer) => {
      await deleteCampaign(viewer.accountSid, svc, sid);
      revalidatePath(page(svc), "layout");
      return { sid };
    },
    () => "Campaign deleted",
    { permission: "services.manage" },
  );
}
