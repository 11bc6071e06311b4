import "server-only";
import { setupStepStates, type RecordableStep, type RecordedState, type SetupFacts, type SetupStep, type StepState } from "@/lib/core/setup/setup-steps";
import { db } from "@/lib/server/db/client";
import { findServiceCampaign } from "@/lib/server/services/compliance/a2p-registrations";
import { getService } from "@/lib/server/services/messaging-services/service-queries";

export interface SetupProgress {
  facts: SetupFacts;
  states: Record<SetupStep, StepState>;
}

/**
 * The facts the guided setup's stepper shows (docs/console.md "Guided
 * setup"), for a service of this account (20404 otherwise). Counts only:
 * each step's page loads its own lists.
 */
export async function loadSetupProgress(accountSid: string, serviceSid: string, now = new Date()): Promise<SetupProgress> {
  const service = await getService(accountSid, serviceSid);
  const where = { accountSid, serviceSid };
  const [numbers, usLongCodes, shortCodes, alphas, channels, campaign, recorded] = await Promise.all([
    db.phoneNumber.count({ where }),
    // 10DLC: a US number that is not toll-free (the rule the dispatcher applies, docs/api.md "A2P 10DLC").
    db.phoneNumber.count({ where: { ...where, isoCountry: "US", numberType: { not: "toll_free" } } }),
    db.shortCode.count({ where }),
    db.alphaSender.count({ where }),
    db.channelSender.count({ where }),
    findServiceCampaign(accountSid, serviceSid, now),
    db.serviceSetupStep.findMany({ where: { serviceSid }, select: { step: true, state: true } }),
  ]);
  const facts: SetupFacts = {
    poolSize: numbers + shortCodes + alphas + channels,
    usLongCodes,
    integrationConfigured: service.incomingHandling !== "defer" || Boolean(service.statusCallback) || Boolean(service.inboundRequestUrl),
    campaign: campaign?.status ?? "none",
    recorded: Object.fromEntries(recorded.map((r) => [r.step as RecordableStep, r.state as RecordedState])),
  };
  return { facts, states: setupStepStates(facts) };
}
