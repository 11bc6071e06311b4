"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { adjacentSteps, RECORDABLE_STEPS, type RecordableStep, type SetupStep } from "@/lib/core/setup/setup-steps";
import { ActionForm } from "@/components/forms/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { recordSetupStepAction } from "@/lib/server/actions/setup-actions";

const isRecordable = (s: SetupStep): s is RecordableStep => (RECORDABLE_STEPS as readonly string[]).includes(s);

/**
 * The foot of a setup step: back, skip, continue. Skipping and continuing are
 * recorded (the stepper shows them) and lead to the next step; the first step
 * and the last only navigate. `canContinue` false: the step's data is not
 * there yet (an empty pool), so only skipping is offered, with `hint` saying why.
 */
export function StepActions({ serviceSid, step, canContinue = true, hint }: { serviceSid: string; step: SetupStep; canContinue?: boolean; hint?: ReactNode }) {
  const { previous, next } = adjacentSteps(step);
  const href = (s: SetupStep) => `/services/${serviceSid}/setup/${s}`;
  const back = previous ? (
    <Link href={href(previous)} className={buttonClass("ghost")}>
      Back
    </Link>
  ) : (
    <span />
  );
  const shell = "flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4";
  if (!isRecordable(step)) {
    return (
      <div className={shell}>
        {back}
        <Link href={next ? href(next) : `/services/${serviceSid}`} className={buttonClass("primary")}>
          {next ? "Continue" : "Finish setup"}
        </Link>
      </div>
    );
  }
  return (
    <ActionForm action={recordSetupStepAction} label="Step navigation" className={shell}>
      {(_state, pending) => (
        <>
          <input type="hidden" name="serviceSid" value={serviceSid} />
          <input type="hidden" name="step" value={step} />
          {back}
          <div className="flex flex-wrap items-center justify-end gap-2">
            {hint ? <p className="w-full text-right text-xs text-slate-500 sm:w-auto">{hint}</p> : null}
            <Button type="submit" name="state" value="skipped" variant="secondary" pending={pending}>
              Skip this step
            </Button>
            <Button type="submit" name="state" value="confirmed" disabled={!canContinue} pending={pending}>
              Continue
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
