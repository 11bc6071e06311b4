import { notFound } from "next/navigation";
import { isSetupStep, SETUP_STEPS, type SetupStep } from "@/lib/core/setup/setup-steps";
import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { loadSetupProgress, type SetupProgress } from "@/lib/server/services/setup/load-setup-progress";
import { SetupStepper } from "@/components/setup/setup-stepper";
import { ComplianceStep } from "./compliance-step";
import { DetailsStep } from "./details-step";
import { IntegrationStep } from "./integration-step";
import { SendersStep } from "./senders-step";
import { TestStep } from "./test-step";

type Params = Record<string, string | string[] | undefined>;
type Service = Awaited<ReturnType<typeof loadServiceForPage>>["service"];

/** One step of the guided setup; the step is in the URL, so each can be revisited and linked (docs/console.md "Guided setup"). */
export default async function SetupStepPage({ params, searchParams }: { params: Promise<{ sid: string; step: string }>; searchParams: Promise<Params> }) {
  const { sid, step } = await params;
  if (!isSetupStep(step)) notFound();
  const { viewer, service } = await loadServiceForPage(sid);
  const progress = await loadSetupProgress(viewer.accountSid, service.sid);
  const index = SETUP_STEPS.findIndex((s) => s.slug === step);
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading" className="text-lg font-semibold text-slate-900">
        Guided setup
      </h2>
      <p className="mb-4 text-sm text-slate-500">
        Step {index + 1} of {SETUP_STEPS.length}. Skip any step and come back to it later from here or from the service&apos;s tabs.
      </p>
      <SetupStepper serviceSid={service.sid} current={step} states={progress.states} />
      <div className="space-y-6">{stepBody(step, viewer.accountSid, service, progress, await searchParams)}</div>
    </section>
  );
}

function stepBody(step: SetupStep, accountSid: string, service: Service, progress: SetupProgress, sp: Params) {
  switch (step) {
    case "details":
      return <DetailsStep service={service} />;
    case "senders":
      return <SendersStep accountSid={accountSid} service={service} progress={progress} searchParams={sp} />;
    case "integration":
      return <IntegrationStep service={service} />;
    case "compliance":
      return <ComplianceStep accountSid={accountSid} service={service} progress={progress} />;
    case "test":
      return <TestStep service={service} progress={progress} />;
  }
}
