import Link from "next/link";
import { poolWarnings } from "@/lib/core/senders/pool-warnings";
import { loadServiceForPage } from "@/lib/server/auth/page-loaders";
import { listPhoneNumbers } from "@/lib/server/services/phone-numbers/phone-number-queries";
import { listShortCodes } from "@/lib/server/services/short-codes/short-code-queries";
import { carrierChoices } from "@/lib/server/services/carriers/carrier-queries";
import { listPool, listStickyMappings } from "@/lib/server/services/sender-pool/pool-queries";
import { loadPoolScalingWarnings } from "@/lib/server/services/scaling/load-scaling-snapshot";
import { Alert, Card } from "@/components/ui/card";
import { ScalingWarnings } from "@/components/scaling/scaling-warnings";
import { AddAlphaSenderForm, AddPhoneNumberForm, AddRcsForm, AddShortCodeForm, AddWhatsAppForm } from "@/components/sender-pool/add-sender-forms";
import { countryOptions } from "@/components/sender-pool/country-options";
import { PoolTable } from "@/components/sender-pool/pool-table";
import { poolRows } from "@/components/sender-pool/pool-rows";
import { SenderSelectionForm } from "@/components/sender-pool/sender-selection-form";
import { StickyMappingsTable } from "@/components/sender-pool/sticky-mappings-table";

export default async function SenderPoolPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, service } = await loadServiceForPage((await params).sid);
  const accountSid = viewer.accountSid;
  const [pool, mappings, numbers, shortCodes, carriers, scaling] = await Promise.all([
    listPool(accountSid, service.sid),
    listStickyMappings(accountSid, service.sid, { take: 100 }),
    listPhoneNumbers(accountSid),
    listShortCodes(accountSid),
    carrierChoices(accountSid),
    // Country rules and snowshoeing for this pool and the service's traffic (docs/scaling.md).
    loadPoolScalingWarnings(accountSid, service.sid),
  ]);
  const rows = poolRows(pool);
  const labels = new Map(rows.map((r) => [r.sid, r.sender]));
  const warnings = poolWarnings({ total: pool.total, tollFreeCount: pool.phoneNumbers.filter((n) => n.numberType === "toll_free").length });

  // Free inventory first; senders in another service stay listed, named, so the refusal (21712) is explained, not hidden.
  const others = <T extends { serviceSid: string | null }>(items: T[]) => items.filter((i) => i.serviceSid !== service.sid);
  const byFreeFirst = <T extends { serviceSid: string | null }>(a: T, b: T) => Number(a.serviceSid !== null) - Number(b.serviceSid !== null);
  const numberOptions = others(numbers.items)
    .sort(byFreeFirst)
    .map((n) => ({
      value: n.sid,
      label: `${n.phoneNumber} (${n.isoCountry}, ${n.numberType === "toll_free" ? "toll-free" : n.numberType})${n.service ? ` — in ${n.service.friendlyName}` : ""}${n.smsEnabled || n.mmsEnabled ? "" : " — no SMS"}`,
    }));
  const shortCodeOptions = others(shortCodes.items)
    .sort(byFreeFirst)
    .map((s) => ({ value: s.sid, label: `${s.shortCode} (${s.isoCountry})${s.service ? ` — in ${s.service.friendlyName}` : ""}` }));

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
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-label="Phone numbers" className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-800">Phone number</h3>
            {numberOptions.length ? (
              <AddPhoneNumberForm serviceSid={service.sid} options={numberOptions} />
            ) : (
              <p className="text-sm text-slate-500">
                No other number in your inventory. <Link className="text-indigo-700 underline" href="/numbers">Buy or add one</Link>.
              </p>
            )}
          </section>
          <section aria-label="Short codes" className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-800">Short code</h3>
            {shortCodeOptions.length ? (
              <AddShortCodeForm serviceSid={service.sid} options={shortCodeOptions} />
            ) : (
              <p className="text-sm text-slate-500">
                No other short code in your inventory. <Link className="text-indigo-700 underline" href="/numbers">Add one</Link>.
              </p>
            )}
          </section>
          <section aria-label="Alphanumeric sender IDs" className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-800">Alphanumeric sender ID</h3>
            <AddAlphaSenderForm serviceSid={service.sid} countries={countryOptions()} />
          </section>
          <section aria-label="WhatsApp and RCS" className="space-y-6">
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">WhatsApp sender</h3>
              <AddWhatsAppForm serviceSid={service.sid} />
            </div>
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">RCS sender</h3>
              <AddRcsForm serviceSid={service.sid} />
            </div>
          </section>
        </div>
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
