import { loadDomainForPage } from "@/lib/server/loaders/domain-page-loader";
import { domainCertificates, domainServices } from "@/lib/server/services/links/domain-queries";
import { listServiceNamesWithoutLinkDomain } from "@/lib/server/services/messaging-services/service-names";
import { Card } from "@/components/ui/card";
import { CertificateForm } from "@/components/domains/certificate-form";
import { CertificateStatus } from "@/components/domains/certificate-status";
import { DeleteDomainButton } from "@/components/domains/delete-domain-button";
import { DomainConfigForm } from "@/components/domains/domain-config-form";
import { DomainServices } from "@/components/domains/domain-services";

const fmt = (d: Date | null | undefined) => (d ? d.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : "—");

export default async function DomainPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, domain } = await loadDomainForPage((await params).sid);
  const [certs, using, free] = await Promise.all([
    domainCertificates(domain.sid),
    domainServices(viewer.accountSid, domain.sid),
    listServiceNamesWithoutLinkDomain(viewer.accountSid),
  ]);
  const shown = (label: string, c: NonNullable<typeof certs.active>) => (
    <dl aria-label={label} className="grid gap-3 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-slate-500">Certificate SID</dt>
        <dd className="font-mono text-xs">{c.sid}</dd>
      </div>
      <div>
        <dt className="text-slate-500">Subject</dt>
        <dd>{c.subject.replace(/\n/g, ", ")}</dd>
      </div>
      <div>
        <dt className="text-slate-500">Valid</dt>
        <dd>
          {fmt(c.notBefore)} – {fmt(c.notAfter)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">SHA-256 fingerprint</dt>
        <dd className="break-all font-mono text-xs">{c.fingerprint}</dd>
      </div>
    </dl>
  );
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <a href="/domains" className="hover:underline">
          Link Shortening Domains
        </a>{" "}
        / <span className="text-slate-700">{domain.domainName}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{domain.domainName}</h1>
          <p className="font-mono text-xs text-slate-500">
            {domain.sid} · config {domain.configSid}
          </p>
        </div>
        <DeleteDomainButton sid={domain.sid} name={domain.domainName} />
      </div>
      <div className="space-y-6">
        <Card title="Certificate" description={<CertificateStatus active={certs.active} pending={certs.pending} />}>
          <div className="space-y-6">
            {certs.active ? shown("Active certificate", certs.active) : null}
            {certs.pending ? (
              <div className="rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
                <p className="mb-2 text-sm font-medium text-amber-900">
                  Certificate in validation (uploaded {fmt(certs.pending.createdAt)}); {certs.active ? "the active one keeps serving until it takes over." : "short links work once it is validated."}
                </p>
                {shown("Certificate in validation", certs.pending)}
              </div>
            ) : null}
            <CertificateForm sid={domain.sid} replacing={Boolean(certs.active)} />
          </div>
        </Card>
        <Card title="Configuration" description="Shared by every Messaging Service that uses this domain.">
          <DomainConfigForm
            config={{
              sid: domain.sid,
              fallbackUrl: domain.fallbackUrl ?? "",
              callbackUrl: domain.callbackUrl ?? "",
              continueOnFailure: domain.continueOnFailure,
              disableHttps: domain.disableHttps,
            }}
          />
        </Card>
        <Card title="Messaging Services">
          <DomainServices domainSid={domain.sid} using={using.map((u) => u.service)} available={free} />
        </Card>
      </div>
    </>
  );
}
