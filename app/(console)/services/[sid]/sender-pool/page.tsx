import { poolWarnings } from "@/lib/core/senders/pool-warnings";
import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { carrierChoices } from "@/lib/server/services/carriers/carrier-queries";
import { poolAddOptions } from "@/lib/server/services/sender-pool/pool-add-options";
import { listPool, listStickyMappings } from "@/lib/server/services/sender-pool/pool-queries";
import { loadPoolScalingWarnings } from "@/lib/server/services/scaling/load-scaling-snapshot";
import { Alert, Card } from "@/components/ui/card";
import { AddSenders } from "@/components/sender-pool/add-senders";
import { ScalingWarnings } from "@/components/scaling/scaling-warnings";
import { PoolTable } from "@/components/sender-pool/pool-table";
import { poolRows } from "@/components/sender-pool/pool-rows";
import { SenderSelectionForm } from "@/components/sender-pool/sender-selection-form";
import { StickyMappingsTable } from "@/components/sender-pool/sticky-mappings-table";

export default async function SenderPoolPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, service } = await loadServiceForPage((await params).sid);
  const accountSid = viewer.accountSid;
  const [pool, mappings, { numberOptions, shortCodeOptions }, carriers, scaling] = await Promise.all([
    listPool(accountSid, service.sid),
    listStickyMappings(accountSid, service.sid, { take: 100 }),
    poolAddOptions(accountSid, service.sid),
    carrierChoices(accountSid),
    // Country rules and snowshoeing for this pool and the service's traffic (docs/scaling.md).
    loadPoolScalingWarnings(accountSid, service.sid),
  ]);
  const rows = poolRows(pool);
  const labels = new Map(rows.map((r) => [r.sid, r.sender]));
  const warnings = poolWarnings({ total: pool.total, tollFreeCount: pool.phoneNumbers.filter((n) => n.numberType === "toll_free").length });

  return (
    <>
      <Card title="Sender Pool" description="The senders this service chooses from. Routing picks one per message.">
        {warnings.length ? (
          <div className="mb-4 space-y-2">
            {warnings.map((w) => (
              <Alert key={w}>{w}</Alert>
            ))}
          </div>
        ) : null}
        <div className="mb-4 empty:hidden">
          <ScalingWarnings rules={scaling.rules} snowshoe={scaling.snowshoe} />
        </div>
        <PoolTable serviceSid={service.sid} rows={rows} carriers={carriers} />
        <p className="mt-3 text-xs text-slate-500">{pool.total} of 400 senders. MPS: messages per second, the default for each type.</p>
      </Card>

      <Card title="Add senders">
        <AddSenders serviceSid={service.sid} numberOptions={numberOptions} shortCodeOptions={shortCodeOptions} />
      </Card>

      <Card title="Sender Selection Settings">
        <SenderSelectionForm sid={service.sid} stickySender={service.stickySender} areaCodeGeomatch={service.areaCodeGeomatch} />
      </Card>

      <Card title="Sticky mappings" description="Which sender each recipient is kept on (read-only).">
        <StickyMappingsTable
          total={mappings.total}
          rows={mappings.items.map((m) => ({ recipient: m.recipient, channel: m.channel, sender: labels.get(m.senderSid) ?? m.senderSid, since: m.createdAt }))}
        />
      </Card>
    </>
  );
}
