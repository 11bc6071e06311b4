import "server-only";
import { z } from "zod";
import { RECORDABLE_STEPS, RECORDED_STATES } from "@/lib/core/setup/setup-steps";
import { db } from "@/lib/server/db/client";
import { getService } from "@/lib/server/services/messaging-services/service-queries";

export const recordSetupStepSchema = z.object({
  serviceSid: z.string(),
  step: z.enum(RECORDABLE_STEPS, { error: "Unknown setup step" }),
  state: z.enum(RECORDED_STATES, { error: "A step is skipped or confirmed" }),
});
export type RecordSetupStepInput = z.infer<typeof recordSetupStepSchema>;

/**
 * Records that the user skipped a setup step or confirmed it as it stands
 * (docs/console.md "Guided setup"); the latest choice replaces the earlier
 * one. The service must be the account's (20404 otherwise): the check and
 * the write share one transaction, so a service deleted meanwhile is not
 * resurrected by the foreign key either.
 */
export async function recordSetupStep(accountSid: string, input: RecordSetupStepInput) {
  return db.$transaction(async (tx) => {
    await getService(accountSid, input.serviceSid, tx);
    return tx.serviceSetupStep.upsert({
      where: { serviceSid_step: { serviceSid: input.serviceSid, step: input.step } },
      create: { serviceSid: input.serviceSid, step: input.step, state: input.state },
      update: { state: input.state },
    });
  });
}
