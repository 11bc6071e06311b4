import Link from "next/link";
import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { listAlerts } from "@/lib/server/services/alerts/list-alerts";
import { loadA2pRegistration } from "@/lib/server/services/compliance/a2p-registrations";
import { USECASES } from "@/lib/core/messaging-services/usecases";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { ComplianceForm } from "@/components/services/compliance-form";
import { Card } from "@/components/ui/card";
import { A2pRegistration } from "@/components/compliance/a2p-registration";

const RECENT = 10;

export default async function CompliancePage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, service: s } = await loadServiceForPage((await params).sid);
  const [recent, a2p] = await Promise.all([listAlerts(viewer.accountSid, { service: s.sid, limit: RECENT }), loadA2pRegistration(viewer.accountSid, s.sid)]);
  return (
    <div className="space-y-6">
      <Card title="Compliance" description="What this service sends, and whether to be warned about unregistered Sender IDs.">
        <ComplianceForm sid={s.sid} usecase={s.usecase} senderIdPreregAlert={s.senderIdPreregAlert} />
        <dl aria-label="Use cases" className="mt-6 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {USECASES.map((u) => (
            <div key={u.usecase} className="contents">
              <dt className="font-mono text-xs text-slate-600">{u.usecase}</dt>
              <dd className="text-slate-500">{u.description}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <section aria-labelledby="a2p-heading" className="space-y-3">
        <h2 id="a2p-heading" className="text-lg font-semibold text-slate-900">
          A2P 10DLC registration
        </h2>
        <A2pRegistration serviceSid={s.sid} brands={a2p.brands} campaign={a2p.campaign} />
      </section>
      <Card
        title="Recent alerts"
        actions={
          <Link className="text-sm text-indigo-700 hover:underline" href={`/alerts?service=${s.sid}`}>
            All alerts for this service
          </Link>
        }
      >
        <AlertsTable alerts={recent.alerts} showService={false} label="Recent alerts" />
      </Card>
    </div>
  );
}
