"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createCarrier } from "@/lib/server/services/carriers/create-carrier";
import { createCarrierSchema, updateCarrierSchema } from "@/lib/server/services/carriers/carrier-schema";
import { createCarrierRouteSchema, updateCarrierRouteSchema } from "@/lib/server/services/carriers/carrier-route-schema";
import { deleteCarrier } from "@/lib/server/services/carriers/delete-carrier";
import { createCarrierRoute, deleteCarrierRoute, updateCarrierRoute } from "@/lib/server/services/carriers/save-carrier-route";
import { senderCarrierSid, setSenderCarrier } from "@/lib/server/services/carriers/sender-carrier";
import { updateCarrier } from "@/lib/server/services/carriers/update-carrier";
import { notFound } from "@/lib/server/errors";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

const sidOnly = z.object({ sid: z.string() });

export async function createCarrierAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    createCarrierSchema,
    formToObject(form),
    async (data, viewer) => {
      const c = await createCarrier(viewer.accountSid, data);
      revalidatePath("/carriers");
      return { sid: c.sid, friendlyName: c.friendlyName };
    },
    (c) => `Created ${c.friendlyName}`,
    { permission: "carriers.manage" },
  );
  if (state.ok && typeof state.data?.sid === "string") redirect(`/carriers/${state.data.sid}?created=1`);
  return state;
}

export async function updateCarrierAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    updateCarrierSchema.extend({ sid: z.string() }),
    formToObject(form),
    async ({ sid, ...data }, viewer) => {
      const c = await updateCarrier(viewer.accountSid, sid, data);
      revalidatePath("/carriers");
      revalidatePath(`/carriers/${sid}`);
      return { sid: c.sid };
    },
    () => "Carrier saved",
    { permission: "carriers.manage" },
  );
}

export async function setCarrierEnabledAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    updateCarrierSchema.pick({ enabled: true }).required().extend({ sid: z.string() }),
    formToObject(form),
    async ({ sid, enabled }, viewer) => {
      await updateCarrier(viewer.accountSid, sid, { enabled });
      revalidatePath("/carriers");
      revalidatePath(`/carriers/${sid}`);
      return { enabled };
    },
    (r) => (r.enabled ? "Carrier enabled" : "Carrier disabled"),
    { permission: "carriers.manage" },
  );
}

export async function deleteCarrierAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    sidOnly,
    formToObject(form),
    async ({ sid }, viewer) => {
      await deleteCarrier(viewer.accountSid, sid);
      revalidatePath("/carriers");
      return { sid };
    },
    () => "Carrier deleted",
    { permission: "carriers.manage" },
  );
  if (state.ok) redirect("/carriers?deleted=1");
  return state;
}

/** The route form's ordered selects (carrier1, carrier2, …) become CarrierSids; blanks are skipped by the schema. */
function routeInput(form: FormData) {
  const { carrier1, carrier2, carrier3, ...rest } = formToObject(form);
  return { ...rest, carrierSids: [carrier1, carrier2, carrier3].filter((v): v is string => typeof v === "string") };
}

export async function createCarrierRouteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    createCarrierRouteSchema,
    routeInput(form),
    async (data, viewer) => {
      const r = await createCarrierRoute(viewer.accountSid, data);
      revalidatePath("/carriers");
      return { sid: r.sid, prefix: r.prefix };
    },
    (r) => `Route ${r.prefix} added`,
    { permission: "carriers.manage" },
  );
}

export async function updateCarrierRouteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    updateCarrierRouteSchema.extend({ sid: z.string() }),
    routeInput(form),
    async ({ sid, ...data }, viewer) => {
      const r = await updateCarrierRoute(viewer.accountSid, sid, data);
      revalidatePath("/carriers");
      return { sid: r.sid, prefix: r.prefix };
    },
    (r) => `Route ${r.prefix} saved`,
    { permission: "carriers.manage" },
  );
}

export async function deleteCarrierRouteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    sidOnly,
    formToObject(form),
    async ({ sid }, viewer) => {
      await deleteCarrierRoute(viewer.accountSid, sid);
      revalidatePath("/carriers");
      return { sid };
    },
    () => "Route deleted",
    { permission: "carriers.manage" },
  );
}

const senderCarrierSchema = z.object({
  kind: z.enum(["phoneNumber", "shortCode", "alphaSender"]),
  sid: z.string(),
  carrierSid: senderCarrierSid,
});

/** The "Carrier" select of a sender row (short codes, the sender pool's alpha senders); blank = the account default. */
export async function setSenderCarrierAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    senderCarrierSchema,
    formToObject(form),
    async ({ kind, sid, carrierSid }, viewer) => {
      if (!(await setSenderCarrier(kind, viewer.accountSid, sid, carrierSid))) throw notFound("That sender was not found");
      revalidatePath("/numbers");
      revalidatePath("/services/[sid]/sender-pool", "page");
      return { carrierSid };
    },
    (r) => (r.carrierSid ? "Carrier saved" : "Sender uses the account default carrier"),
    { permission: "carriers.manage" },
  );
}
