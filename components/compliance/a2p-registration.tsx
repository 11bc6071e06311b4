import { A2P_USECASES, vettingErrors } from "@/lib/core/a2p/vetting";
import type { BrandWithStatus, CampaignWithStatus } from "@/lib/server/services/compliance/a2p-registrations";
import { AutoRefresh } from "@/components/logs/auto-refresh";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { BrandForm } from "./brand-form";
import { CampaignForm } from "./campaign-form";
import { DeleteCampaignButton } from "./delete-campaign-button";

const TONE = { PENDING: "amber", APPROVED: "green", VERIFIED: "green", FAILED: "red" } as const;

/**
 * The A2P 10DLC registration flow of a service: 1. brand, 2. campaign,
 * 3. status. Statuses come from the vetting simulator (docs/api.md), so the
 * page refreshes itself while anything is PENDING.
 */
export function A2pRegistration({ serviceSid, brands, campaign }: { serviceSid: string; brands: BrandWithStatus[]; campaign: CampaignWithStatus | null }) {
  const pending = brands.some((b) => b.status === "PENDING") || campaign?.status === "PENDING";
  const usable = brands.filter((b) => b.status !== "FAILED");
  return (
    <div className="space-y-6">
      <AutoRefresh active={pending} />
      <Card title="1. Brand" description="The company that sends. Brands belong to the account and can serve several services.">
        {brands.length === 0 ? (
          <EmptyState title="No brand registered yet" />
        ) : (
          <ul aria-label="Brands" className="mb-4 divide-y divide-slate-100 text-sm">
            {brands.map((b) => (
              <li key={b.sid} className="flex items-center justify-between py-2">
                <span>
                  {b.companyName} <span className="font-mono text-xs text-slate-500">{b.sid}</span>
                </span>
                <Badge tone={TONE[b.status]}>{b.status}</Badge>
              </li>
            ))}
          </ul>
        )}
        <BrandForm serviceSid={serviceSid} />
      </Card>
      <Card title="2. Campaign" description="What this service sends to US numbers from its 10DLC long codes.">
        {campaign ? (
          <p className="text-sm text-slate-700">This service has a campaign; see its status below.</p>
        ) : usable.length === 0 ? (
          <EmptyState title="Register a brand first" />
        ) : (
          <CampaignForm
            serviceSid={serviceSid}
            brands={usable.map((b) => ({ sid: b.sid, label: `${b.companyName} (${b.status})` }))}
            usecases={A2P_USECASES.map((u) => ({ value: u.code, label: u.name }))}
          />
        )}
      </Card>
      <Card title="3. Status" description="US A2P registration of this service.">
        {!campaign ? (
          <p className="text-sm text-slate-700">
            US A2P registered: <Badge tone="slate">No</Badge> <span className="text-slate-500">(no campaign is registered for this service)</span>
          </p>
        ) : (
          <div className="space-y-3 text-sm">
            <p>
              Campaign status: <Badge tone={TONE[campaign.status]}>{campaign.status}</Badge>
            </p>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="text-slate-500">Campaign SID</dt>
              <dd className="font-mono text-xs">{campaign.sid}</dd>
              <dt className="text-slate-500">Campaign ID</dt>
              <dd className="font-mono text-xs">{campaign.campaignId}</dd>
              <dt className="text-slate-500">Brand</dt>
              <dd>{campaign.brand ? `${campaign.brand.companyName} (${campaign.brand.sid})` : "Registered elsewhere"}</dd>
              <dt className="text-slate-500">Use case</dt>
              <dd>{campaign.usecase || "—"}</dd>
            </dl>
            {vettingErrors(campaign.status, "campaign").map((e) => (
              <p key={e.code} role="alert" className="text-red-700">
                {e.code}: {e.description}
              </p>
            ))}
            <DeleteCampaignButton serviceSid={serviceSid} sid={campaign.sid} />
          </div>
        )}
      </Card>
    </div>
  );
}
