import Link from "next/link";
import { SETUP_STEPS, STEP_STATE_LABELS, type SetupStep, type StepState } from "@/lib/core/setup/setup-steps";

const BADGE: Record<StepState, string> = {
  done: "bg-emerald-600 text-white",
  to_do: "bg-white text-slate-600 ring-1 ring-inset ring-slate-300",
  skipped: "bg-amber-100 text-amber-800",
  not_needed: "bg-slate-100 text-slate-600",
  in_review: "bg-amber-100 text-amber-800",
  failed: "bg-red-100 text-red-800",
  destination: "bg-white text-slate-600 ring-1 ring-inset ring-slate-300",
};

/**
 * The guided setup's steps with the state of each (docs/console.md "Guided
 * setup"). Every step is a link once the service exists, so any of them can
 * be revisited in any order; before that (the first step, `/services/new`)
 * the later ones are shown but not reachable.
 */
export function SetupStepper({ serviceSid, current, states }: { serviceSid?: string; current: SetupStep; states?: Record<SetupStep, StepState> }) {
  return (
    <nav aria-label="Setup steps" className="mb-6">
      <ol className="grid gap-2 sm:grid-cols-5">
        {SETUP_STEPS.map((s, i) => {
          const state = states?.[s.slug];
          const isCurrent = s.slug === current;
          const status = state ? STEP_STATE_LABELS[state] : isCurrent ? "Current step" : "After step 1";
          const body = (
            <>
              <span aria-hidden className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${BADGE[state ?? "to_do"]}`}>
                {state === "done" ? "✓" : i + 1}
              </span>
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium">
                  <span className="sr-only">Step {i + 1}: </span>
                  {s.label}
                </span>
                <span className="block text-xs text-slate-500">
                  <span className="sr-only">, </span>
                  {status}
                </span>
              </span>
            </>
          );
          const box = `flex items-center gap-2 rounded-md border px-3 py-2 ${isCurrent ? "border-indigo-600 bg-indigo-50 text-indigo-800" : "border-slate-200 bg-white text-slate-700"}`;
          return (
            <li key={s.slug}>
              {serviceSid ? (
                <Link
                  href={`/services/${serviceSid}/setup/${s.slug}`}
                  aria-current={isCurrent ? "step" : undefined}
                  className={`${box} hover:border-indigo-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600`}
                >
                  {body}
                </Link>
              ) : (
                <div aria-current={isCurrent ? "step" : undefined} aria-disabled={!isCurrent || undefined} className={`${box} ${isCurrent ? "" : "opacity-60"}`}>
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
