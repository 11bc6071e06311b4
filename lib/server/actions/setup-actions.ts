"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adjacentSteps } from "@/lib/core/setup/setup-steps";
import { buyNumberIntoPool, buyNumberIntoPoolSchema } from "@/lib/server/services/sender-pool/buy-number-into-pool";
import { recordSetupStep, recordSetupStepSchema } from "@/lib/server/services/setup/record-setup-step";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

/** Guided setup: skip a step or confirm it as it stands, then go on to the next step (docs/console.md). */
export async function recordSetupStepAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(
    recordSetupStepSchema,
    formToObject(form),
    async (input, viewer) => {
      await recordSetupStep(viewer.accountSid, input);
      revalidatePath(`/services/${input.serviceSid}`, "layout");
      return { serviceSid: input.serviceSid, step: input.step, state: input.state };
    },
    (r) => (r.state === "skipped" ? "Step skipped: you can come back to it any time" : "Step saved"),
    { permission: "services.manage" },
  );
  if (state.ok && state.data) {
    const { serviceSid, step } = state.data as { serviceSid: string; step: "senders" | "integration" | "compliance" };
    redirect(`/services/${serviceSid}/setup/${adjacentSteps(step).next ?? "test"}`);
  }
  return state;
}

/** Guided setup's "Buy and add": a number of the inventory, bought straight into the service's pool. */
export async function buyNumberIntoPoolAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    buyNumberIntoPoolSchema,
    formToObject(form),
    async (input, viewer) => {
      const n = await buyNumberIntoPool(viewer.accountSid, input);
      revalidatePath(`/services/${input.serviceSid}`, "layout");
      revalidatePath("/services");
      revalidatePath("/numbers");
      return { sid: n.sid, phoneNumber: n.phoneNumber };
    },
    (n) => `Bought ${n.phoneNumber} and added it to the pool`,
    // Buying is a numbers change (docs/team.md "Roles"): a developer may fill a pool, not buy.
    { permission: "numbers.manage" },
  );
}
