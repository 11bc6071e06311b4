/**
 * The guided setup of a Messaging Service (docs/console.md "Guided setup"):
 * its steps, and the state of each, derived from what the service holds plus
 * what the user chose for a step its data cannot settle (skipped, or
 * confirmed as it stands). Pure: the facts are loaded by the server.
 */

export const SETUP_STEPS = [
  { slug: "details", label: "Name and use case" },
  { slug: "senders", label: "Senders" },
  { slug: "integration", label: "Integration" },
  { slug: "compliance", label: "Compliance" },
  { slug: "test", label: "Send a test" },
] as const;

export type SetupStep = (typeof SETUP_STEPS)[number]["slug"];

/** The steps a user can skip or confirm; the first is the service itself, the last the destination. */
export const RECORDABLE_STEPS = ["senders", "integration", "compliance"] as const;
export type RecordableStep = (typeof RECORDABLE_STEPS)[number];
export const RECORDED_STATES = ["skipped", "confirmed"] as const;
export type RecordedState = (typeof RECORDED_STATES)[number];

export type StepState = "done" | "to_do" | "skipped" | "not_needed" | "in_review" | "failed" | "destination";

export const STEP_STATE_LABELS: Record<StepState, string> = {
  done: "Done",
  to_do: "To do",
  skipped: "Skipped",
  not_needed: "Not needed",
  in_review: "In review",
  failed: "Failed",
  destination: "Last step",
};

export interface SetupFacts {
  /** Senders of every type in the pool. */
  poolSize: number;
  /** US numbers in the pool that are 10DLC long codes (not toll-free): A2P 10DLC applies to them. */
  usLongCodes: number;
  /** Incoming messages go somewhere other than the default, or a status callback is set. */
  integrationConfigured: boolean;
  /** The service's A2P campaign, by its vetting status. */
  campaign: "none" | "PENDING" | "VERIFIED" | "FAILED";
  recorded: Partial<Record<RecordableStep, RecordedState>>;
}

export function isSetupStep(v: string): v is SetupStep {
  return SETUP_STEPS.some((s) => s.slug === v);
}

/**
 * Each step's state. Data wins over a recorded choice: a pool with a sender
 * is done even if the step was skipped once; an empty pool is never done,
 * whatever was confirmed. Compliance is "not needed" without US long codes,
 * unless a campaign exists (its status is then what matters).
 */
export function setupStepStates(f: SetupFacts): Record<SetupStep, StepState> {
  const chosen = (step: RecordableStep, dataDone: boolean): StepState =>
    dataDone ? "done" : f.recorded[step] === "skipped" ? "skipped" : "to_do";
  const compliance: StepState =
    f.campaign === "VERIFIED" ? "done"
    : f.campaign === "PENDING" ? "in_review"
    : f.campaign === "FAILED" ? "failed"
    : f.usLongCodes === 0 ? "not_needed"
    : chosen("compliance", false);
  return {
    details: "done",
    senders: chosen("senders", f.poolSize > 0),
    integration: chosen("integration", f.integrationConfigured || f.recorded.integration === "confirmed"),
    compliance,
    test: "destination",
  };
}

/** Where "continue setup" goes: the first step still to do, else the test send. */
export function firstOpenStep(states: Record<SetupStep, StepState>): SetupStep {
  return RECORDABLE_STEPS.find((s) => states[s] === "to_do") ?? "test";
}

export function adjacentSteps(step: SetupStep): { previous?: SetupStep; next?: SetupStep } {
  const i = SETUP_STEPS.findIndex((s) => s.slug === step);
  return { previous: SETUP_STEPS[i - 1]?.slug, next: SETUP_STEPS[i + 1]?.slug };
}

export function stepLabel(step: SetupStep): string {
  return SETUP_STEPS.find((s) => s.slug === step)?.label ?? step;
}
