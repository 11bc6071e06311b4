import Link from "next/link";
import type { SetupProgress } from "@/lib/server/services/setup/load-setup-progress";
import { Alert } from "@/components/ui/card";
import { SendTest } from "@/components/send/send-test";
import { StepActions } from "@/components/setup/step-actions";

/** The end of the flow: Send Test, for this service only. */
export function TestStep({ service, progress }: { service: { sid: string; friendlyName: string; smartEncoding: boolean }; progress: SetupProgress }) {
  return (
    <>
      <h3 className="text-base font-semibold text-slate-900">Send Test</h3>
      {progress.facts.poolSize === 0 ? (
        <Alert>
          This service has no sender yet, so a test message would be refused.{" "}
          <Link className="underline" href={`/services/${service.sid}/setup/senders`}>
            Add a sender
          </Link>{" "}
          first.
        </Alert>
      ) : null}
      <SendTest services={[{ sid: service.sid, friendlyName: service.friendlyName, smartEncoding: service.smartEncoding }]} />
      <StepActions serviceSid={service.sid} step="test" />
    </>
  );
}
