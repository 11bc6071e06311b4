import { requireViewerPage } from "@/lib/server/auth/session";
import { listDomains } from "@/lib/server/services/links/domain-queries";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { AddDomainForm } from "@/components/domains/add-domain-form";
import { CertificateStatus } from "@/components/domains/certificate-status";

export default async function LinkShorteningDomainsPage() {
  const viewer = await requireViewerPage();
  const { items } = await listDomains(viewer.accountSid, { take: 500 });
  return (
    <>
      <PageHeader title="Link Shortening Domains" description="Your own domains for short links: certificate, fallback and click callback, and the services using each." />
      <div className="space-y-6">
        <Card title="Add a domain">
          <AddDomainForm />
        </Card>
        <Card title="Domains">
          {items.length === 0 ? (
            <EmptyState title="No link shortening domains yet">Add one above, then upload its certificate.</EmptyState>
          ) : (
            <Table label="Domains" head={["Domain", "Certificate", "Services", "SID"]}>
              {items.map((d) => (
                <tr key={d.sid}>
                  <Td>
                    <a href={`/domains/${d.sid}`} className="font-medium text-indigo-700 hover:underline">
                      {d.domainName}
                    </a>
                  </Td>
                  <Td>
                    <CertificateStatus
                      active={d.certificates.find((c) => c.state === "active") ?? null}
                      pending={d.certificates.find((c) => c.state === "pending") ?? null}
                    />
                  </Td>
                  <Td>{d._count.services}</Td>
                  <Td mono>{d.sid}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
