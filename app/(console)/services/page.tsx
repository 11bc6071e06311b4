import Link from "next/link";
import { can } from "@/lib/core/auth/roles";
import { requireViewerPage } from "@/lib/server/auth/session";
import { listServices, poolSizes } from "@/lib/server/services/messaging-services/service-queries";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { CopyableText } from "@/components/ui/copy-button";
import { DeletedToast } from "@/components/services/deleted-toast";

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const viewer = await requireViewerPage();
  const { items } = await listServices(viewer.accountSid);
  const sizes = await poolSizes(viewer.accountSid, items.map((s) => s.sid));
  const { deleted } = await searchParams;
  return (
    <>
      {deleted ? <DeletedToast /> : null}
      <PageHeader
        title="Messaging Services"
        description="A Messaging Service bundles a pool of senders with one set of routing and content features."
        actions={
          can(viewer.role, "services.manage") ? (
            <Link href="/services/new" className={buttonClass("primary")}>
              Create Messaging Service
            </Link>
          ) : null
        }
      />
      <Card>
        {items.length === 0 ? (
          <EmptyState title="No Messaging Services yet">
            <p>A guided setup takes you through naming the service, adding senders (buying numbers as you go), integration and compliance, and ends on a test send.</p>
            <Link href="/services/new" className={buttonClass("primary", "mt-4")}>
              Start guided setup
            </Link>
          </EmptyState>
        ) : (
          <Table label="Messaging Services" head={["Name", "SID", "Use case", "Senders", "Created"]}>
            {items.map((s) => (
              <tr key={s.sid}>
                <Td>
                  <Link href={`/services/${s.sid}`} className="font-medium text-indigo-700 hover:underline">
                    {s.friendlyName}
                  </Link>
                </Td>
                <Td>
                  <CopyableText value={s.sid} label={`SID of ${s.friendlyName}`} />
                </Td>
                <Td>{s.usecase}</Td>
                <Td>{sizes.get(s.sid) ?? 0}</Td>
                <Td>{s.createdAt.toISOString().slice(0, 10)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
