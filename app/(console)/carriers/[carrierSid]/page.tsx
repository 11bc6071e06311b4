import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewerPage } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { carrierResource } from "@/lib/server/api/resources/carrier";
import { getCarrierWithLive } from "@/lib/server/services/carriers/carrier-queries";
import { carrierFormSwitches, carrierFormValues } from "@/lib/server/services/carriers/carrier-form-values";
import { Card, PageHeader } from "@/components/ui/card";
import { CarrierLivePanel } from "@/components/carriers/carrier-live-panel";
import { EditCarrierForm } from "@/components/carriers/carrier-form";
import { DeleteCarrierButton, EnableCarrierButton } from "@/components/carriers/carrier-buttons";
import { RedirectToast } from "@/components/carriers/redirect-toast";

type Params = Record<string, string | string[] | undefined>;

export default async function CarrierPage({ params, searchParams }: { params: Promise<{ carrierSid: string }>; searchParams: Promise<Params> }) {
  const viewer = await requireViewerPage();
  // The segment is named as in app/carriers/[carrierSid]/ (the HTTP upstream callbacks): Next needs one name per position.
  const { carrierSid: sid } = await params;
  // Another account's carrier (or a stale link) is simply not found.
  const carrier = await getCarrierWithLive(viewer.accountSid, sid).catch((e: unknown) => (e instanceof AppError && e.status === 404 ? null : Promise.reject(e)));
  if (!carrier) notFound();
  const created = (await searchParams).created === "1";

  return (
    <>
      {created ? <RedirectToast message={`Created ${carrier.friendlyName}`} path={`/carriers/${sid}`} /> : null}
      <PageHeader
        title={carrier.friendlyName}
        description={<span className="font-mono text-xs">{carrier.sid}</span>}
        actions={
          <>
            <Link href="/carriers" className="self-center text-sm text-indigo-700 hover:underline">
              All carriers
            </Link>
            <EnableCarrierButton sid={carrier.sid} enabled={carrier.enabled} />
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Live state" description="Refreshes every 2 seconds.">
          <CarrierLivePanel initial={carrierResource(carrier)} />
        </Card>
        <Card title="Settings">
          <EditCarrierForm key={carrier.updatedAt.toISOString()} initial={carrierResource(carrier)} values={carrierFormValues(carrier)} switches={carrierFormSwitches(carrier)} />
        </Card>
        <Card title="Delete" description="Removes the connection, its place in prefix routes and the binding of its senders.">
          <DeleteCarrierButton sid={carrier.sid} name={carrier.friendlyName} />
        </Card>
      </div>
    </>
  );
}
