import Link from "next/link";
import { loadA2pRegistration } from "@/lib/server/services/compliance/a2p-registrations";
import type { SetupProgress } from "@/lib/server/services/setup/load-setup-progress";
import { A2pRegistration } from "@/components/compliance/a2p-registration";
import { Card } from "@/components/ui/card";
import { StepActions } from "@/components/setup/step-actions";

/**
 * Step 4: A2P 10DLC registration, the Compliance page's own flow, when the
 * pool holds US long codes (or a campaign exists already); otherwise why
 * there is nothing to do.
 */
export async function ComplianceStep({ accountSid, service, progress }: { accountSid: string; service: { sid: string }; progress: SetupProgress }) {
  const { usLongCodes, campaign } = progress.facts;
  const needed = usLongCodes > 0 || campaign !== "none";
  const a2p = needed ? await loadA2pRegistration(accountSid, service.sid) : null;
  return (
    <>
      {needed ? (
        <section aria-labelledby="a2p-heading" className="space-y-3">
          <h3 id="a2p-heading" className="text-base font-semibold text-slate-900">
            A2P 10DLC registration
          </h3>
          <p className="text-sm text-slate-600">
            {usLongCodes > 0
              ? `This pool has ${usLongCodes} US long code${usLongCodes === 1 ? "" : "s"}. US carriers expect messages from US long codes to US numbers to belong to a registered campaign: register the brand that sends, then this service's campaign.`
              : "This service has a campaign; its status is below."}
          </p>
          {a2p && <A2pRegistration serviceSid={service.sid} brands={a2p.brands} campaign={a2p.campaign} />}
        </section>
      ) : (
        <Card title="A2P 10DLC registration is not needed">
          <p className="text-sm text-slate-700">
            This step is skipped: the pool has no US long code. A2P 10DLC applies only to messages sent from US 10-digit long codes to US numbers; toll-free
            numbers, short codes, alphanumeric sender IDs, WhatsApp and RCS senders are registered differently. If you add a US long code later, come back to this
            step or open the service&apos;s{" "}
            <Link className="text-indigo-700 underline" href={`/services/${service.sid}/compliance`}>
              Compliance
            </Link>{" "}
            tab.
          </p>
        </Card>
      )}
      <StepActions serviceSid={service.sid} step="compliance" canContinue={!needed || campaign !== "none"} hint={needed && campaign === "none" ? "Register a campaign to continue, or skip for now." : undefined} />
    </>
  );
}
