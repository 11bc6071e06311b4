import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { listDomainNames } from "@/lib/server/services/links/domain-names";
import { serviceDomain } from "@/lib/server/services/links/domain-queries";
import { serviceLinkStats } from "@/lib/server/services/links/link-stats";
import { Card, EmptyState } from "@/components/ui/card";
import { ClicksChart } from "@/components/links/clicks-chart";
import { ServiceDomainForm } from "@/components/links/service-domain-form";
import { TopLinksTable } from "@/components/links/top-links-table";

export default async function LinkShorteningPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, service } = await loadServiceForPage((await params).sid);
  const [domain, domains, stats] = await Promise.all([
    serviceDomain(viewer.accountSid, service.sid),
    listDomainNames(viewer.accountSid),
    serviceLinkStats(viewer.accountSid, service.sid, new Date()),
  ]);
  const facts: [string, string][] = domain
    ? [
        ["Fallback URL", domain.fallbackUrl ?? "—"],
        ["Click callback URL", domain.callbackUrl ?? "—"],
        ["Continue on failure", domain.continueOnFailure ? "yes" : "no"],
        ["Short links", domain.disableHttps ? `${domain.domainName}/…` : `https://${domain.domainName}/…`],
      ]
    : [];
  return (
    <>
      <Card title="Link Shortening" description="Send with ShortenUrls=true and every link in the body becomes a tracked short link on this domain.">
        <div className="space-y-4">
          {domains.length === 0 ? (
            <EmptyState title="No link shortening domains yet">
              <a href="/domains" className="text-indigo-700 hover:underline">
                Add a domain
              </a>{" "}
              and upload its certificate first.
            </EmptyState>
          ) : (
            <ServiceDomainForm serviceSid={service.sid} current={domain?.sid ?? ""} domains={domains} />
          )}
          {domain ? (
            <dl aria-label="Domain configuration" className="grid gap-3 text-sm sm:grid-cols-2">
              {facts.map(([k, v]) => (
                <div key={k}>
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="break-all">{v}</dd>
                </div>
              ))}
              <div>
                <dt className="text-slate-500">Domain</dt>
                <dd>
                  <a href={`/domains/${domain.sid}`} className="text-indigo-700 hover:underline">
                    Edit {domain.domainName}
                  </a>
                </dd>
              </div>
            </dl>
          ) : null}
        </div>
      </Card>
      <Card title="Clicks" description={`${stats.totalClicks} clicks on ${stats.totalLinks} short links in all; the chart shows the last 14 days (UTC).`}>
        <ClicksChart days={stats.days} />
      </Card>
      <Card title="Top links">
        <TopLinksTable links={stats.topLinks} />
      </Card>
    </>
  );
}
