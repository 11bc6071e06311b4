import Link from "next/link";
import { can } from "@/lib/core/auth/roles";
import { requireViewerPage } from "@/lib/server/auth/session";
import { carrierResource } from "@/lib/server/api/resources/carrier";
import { carrierChoices, listCarriers } from "@/lib/server/services/carriers/carrier-queries";
import { listCarrierRoutes } from "@/lib/server/services/carriers/carrier-route-queries";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { CarriersTable } from "@/components/carriers/carriers-table";
import { CarrierRouteForm, DeleteRouteButton } from "@/components/carriers/route-forms";
import { RedirectToast } from "@/components/carriers/redirect-toast";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function CarriersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireViewerPage();
  const sp = await searchParams;
  const [carriers, choices, routes] = await Promise.all([listCarriers(viewer.accountSid), carrierChoices(viewer.accountSid), listCarrierRoutes(viewer.accountSid)]);
  const names = new Map(choices.map((c) => [c.sid, c.friendlyName]));
  const editing = routes.items.find((r) => r.sid === one(sp.route));

  return (
    <>
      {one(sp.deleted) === "1" ? <RedirectToast message="Carrier deleted" path="/carriers" /> : null}
      <PageHeader
        title="Carriers"
        description="Connections to SMPP carriers and Twilio-compatible upstreams, with their live state. Senders use their own carrier, else the longest matching prefix route, else the account default."
        actions={
          can(viewer.role, "carriers.manage") ? (
            <Link href="/carriers/new" className={buttonClass()}>
              Add carrier
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card title="Connections" description="Refreshes every 2 seconds.">
          <CarriersTable initial={carriers.items.map(carrierResource)} />
        </Card>

        <Card title="Prefix routes" description="Where a message goes by its recipient's number when its sender has no carrier of its own. The longest prefix wins; later carriers are failovers.">
          {editing ? (
            <div className="mb-6 rounded-md bg-slate-50 p-4">
              <div className="mb-3 flex items-center justify-between">
                <h3 className="text-sm font-semibold text-slate-900">Edit route {editing.prefix}</h3>
                <Link href="/carriers" className="text-sm text-indigo-700 hover:underline">
                  Close
                </Link>
              </div>
              <CarrierRouteForm carriers={choices} route={editing} />
            </div>
          ) : null}
          {routes.items.length === 0 ? (
            <EmptyState title="No prefix routes">Every message goes through its sender&apos;s carrier or the account default.</EmptyState>
          ) : (
            <Table label="Prefix routes" head={["Prefix", "Carriers, in order", <span key="a" className="sr-only">Actions</span>]}>
              {routes.items.map((r) => (
                <tr key={r.sid} aria-label={`Route ${r.prefix}`}>
                  <Td mono>{r.prefix}</Td>
                  <Td>{r.carrierSids.map((s) => names.get(s) ?? s).join(" → ")}</Td>
                  <Td>
                    <span className="flex items-center gap-3">
                      <Link href={`/carriers?route=${r.sid}`} aria-label={`Edit route ${r.prefix}`} className="text-indigo-700 hover:underline">
                        Edit
                      </Link>
                      <DeleteRouteButton sid={r.sid} prefix={r.prefix} />
                    </span>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
          <div className="mt-6">
            {choices.length === 0 ? <p className="text-sm text-slate-500">Add a carrier first.</p> : <CarrierRouteForm carriers={choices} />}
          </div>
        </Card>
      </div>
    </>
  );
}
