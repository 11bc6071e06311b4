import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { Card } from "@/components/ui/card";
import { PropertiesForm } from "@/components/services/properties-form";
import { DeleteServiceButton } from "@/components/services/delete-service-button";

export default async function ServicePropertiesPage({ params }: { params: Promise<{ sid: string }> }) {
  const { service: s } = await loadServiceForPage((await params).sid);
  return (
    <>
      <Card title="Properties">
        <PropertiesForm sid={s.sid} friendlyName={s.friendlyName} usecase={s.usecase} />
        <dl className="mt-6 grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Service SID</dt>
            <dd className="font-mono text-xs">{s.sid}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Created</dt>
            <dd>{s.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</dd>
          </div>
          <div>
            <dt className="text-slate-500">Updated</dt>
            <dd>{s.updatedAt.toISOString().replace("T", " ").slice(0, 19)} UTC</dd>
          </div>
        </dl>
      </Card>
      <Card title="Delete Messaging Service" description="Its senders return to the account's inventory. This cannot be undone.">
        <DeleteServiceButton sid={s.sid} name={s.friendlyName} />
      </Card>
    </>
  );
}
