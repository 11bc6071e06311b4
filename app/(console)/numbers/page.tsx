import Link from "next/link";
import { INVENTORY_COUNTRIES } from "@/lib/core/inventory/countries";
import { requireViewerPage } from "@/lib/server/auth/session";
import { getPhoneNumber, listPhoneNumbers } from "@/lib/server/services/phone-numbers/phone-number-queries";
import { searchAvailableNumbersSchema } from "@/lib/server/services/phone-numbers/phone-number-schema";
import { searchAvailableNumbers } from "@/lib/server/services/phone-numbers/search-available-numbers";
import { listShortCodes } from "@/lib/server/services/short-codes/short-code-queries";
import { carrierChoices } from "@/lib/server/services/carriers/carrier-queries";
import { SenderCarrierForm } from "@/components/carriers/sender-carrier-form";
import { AppError } from "@/lib/server/errors";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, Td } from "@/components/ui/table";
import { AddNumberForm } from "@/components/numbers/add-number-form";
import { BuyNumberButton } from "@/components/numbers/buy-number-button";
import { EditNumberForm, ReleaseNumberButton } from "@/components/numbers/edit-number-form";
import { SearchNumbersForm } from "@/components/numbers/search-form";
import { AddShortCodeForm, DeleteShortCodeButton } from "@/components/numbers/short-code-forms";
import { countryOptions } from "@/components/sender-pool/country-options";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const caps = (n: { smsEnabled: boolean; mmsEnabled: boolean; voiceEnabled?: boolean }) =>
  [n.smsEnabled && "SMS", n.mmsEnabled && "MMS", n.voiceEnabled && "Voice"].filter(Boolean).join(", ") || "none";
const typeLabel = (t: string) => (t === "toll_free" ? "Toll-free" : t === "mobile" ? "Mobile" : "Local");

export default async function PhoneNumbersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireViewerPage();
  const sp = await searchParams;
  const values = { country: one(sp.country) || "US", type: one(sp.type) || "local", areaCode: one(sp.areaCode), capability: one(sp.capability) };
  const searched = one(sp.search) === "1";
  const parsed = searchAvailableNumbersSchema.safeParse(values);
  const errors: Record<string, string[]> = {};
  if (searched && !parsed.success) for (const i of parsed.error.issues) (errors[String(i.path[0])] ??= []).push(i.message);
  const editSid = one(sp.edit);

  const [numbers, shortCodes, results, editing, carriers] = await Promise.all([
    listPhoneNumbers(viewer.accountSid),
    listShortCodes(viewer.accountSid),
    searched && parsed.success ? searchAvailableNumbers(viewer.accountSid, parsed.data) : Promise.resolve(null),
    // A SID of another account (or a stale link) just shows no editor.
    editSid ? getPhoneNumber(viewer.accountSid, editSid).catch((e: unknown) => (e instanceof AppError ? null : Promise.reject(e))) : Promise.resolve(null),
    carrierChoices(viewer.accountSid),
  ]);
  const carrierName = new Map(carriers.map((c) => [c.sid, c.friendlyName]));

  return (
    <>
      <PageHeader title="Phone Numbers" description="Your account's long codes, toll-free numbers and short codes. Add them to a Messaging Service's sender pool from the service." />

      {editing ? (
        <Card title={`Configure ${editing.phoneNumber}`} actions={<Link href="/numbers" className="text-sm text-indigo-700 hover:underline">Close</Link>}>
          <EditNumberForm number={{ sid: editing.sid, phoneNumber: editing.phoneNumber, friendlyName: editing.friendlyName, smsUrl: editing.smsUrl ?? "", smsMethod: editing.smsMethod, carrierSid: editing.carrierSid }} carriers={carriers} />
          <div className="mt-6 border-t border-slate-100 pt-4">
            <ReleaseNumberButton sid={editing.sid} phoneNumber={editing.phoneNumber} />
          </div>
        </Card>
      ) : null}

      <div className="space-y-6">
        <Card title="Your numbers">
          {numbers.items.length === 0 ? (
            <EmptyState title="No phone numbers yet">Buy one from the inventory below or add a number you own.</EmptyState>
          ) : (
            <Table label="Phone numbers" head={["Number", "Name", "Country", "Type", "Capabilities", "SMS webhook", "Service", "Carrier", <span key="a" className="sr-only">Actions</span>]}>
              {numbers.items.map((n) => (
                <tr key={n.sid}>
                  <Td mono>{n.phoneNumber}</Td>
                  <Td>{n.friendlyName}</Td>
                  <Td>{n.isoCountry}</Td>
                  <Td>{typeLabel(n.numberType)}</Td>
                  <Td>{caps(n)}</Td>
                  <Td>{n.smsUrl ? `${n.smsMethod} ${n.smsUrl}` : <span className="text-slate-400">—</span>}</Td>
                  <Td>
                    {n.service ? (
                      <Link href={`/services/${n.service.sid}/sender-pool`} className="text-indigo-700 hover:underline">
                        {n.service.friendlyName}
                      </Link>
                    ) : (
                      <span className="text-slate-400">None</span>
                    )}
                  </Td>
                  <Td>{n.carrierSid ? carrierName.get(n.carrierSid) ?? n.carrierSid : <span className="text-slate-400">Account default</span>}</Td>
                  <Td>
                    <span className="inline-flex items-center gap-3">
                      <Link href={`/numbers?edit=${n.sid}`} aria-label={`Configure ${n.phoneNumber}`} className="text-indigo-700 hover:underline">
                        Configure
                      </Link>
                      <CopyButton value={n.sid} label={`SID of ${n.phoneNumber}`} />
                    </span>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card title="Buy a number" description="Search the inventory by country, area code, type and capability.">
          <SearchNumbersForm values={values} errors={errors} countries={countryOptions(INVENTORY_COUNTRIES)} />
          {results === null ? null : results.length === 0 ? (
            <div className="mt-4">
              <EmptyState title="No numbers found">Try another area code, type or capability.</EmptyState>
            </div>
          ) : (
            <div className="mt-4">
              <Table label="Available numbers" head={["Number", "Region", "Type", "Capabilities", <span key="a" className="sr-only">Buy</span>]}>
                {results.map((r) => (
                  <tr key={r.phoneNumber}>
                    <Td mono>{r.phoneNumber}</Td>
                    <Td>{r.region}</Td>
                    <Td>{typeLabel(r.numberType)}</Td>
                    <Td>{caps({ smsEnabled: r.capabilities.sms, mmsEnabled: r.capabilities.mms, voiceEnabled: r.capabilities.voice })}</Td>
                    <Td>
                      <BuyNumberButton phoneNumber={r.phoneNumber} />
                    </Td>
                  </tr>
                ))}
              </Table>
            </div>
          )}
        </Card>

        <Card title="Add a number you own" description="A number from your own carrier, in E.164 format.">
          <AddNumberForm />
        </Card>

        <Card title="Short codes">
          <AddShortCodeForm countries={countryOptions()} />
          <div className="mt-6">
            {shortCodes.items.length === 0 ? (
              <EmptyState title="No short codes yet" />
            ) : (
              <Table label="Short codes" head={["Short code", "Country", "Capabilities", "Service", "Carrier", <span key="a" className="sr-only">Actions</span>]}>
                {shortCodes.items.map((s) => (
                  <tr key={s.sid}>
                    <Td mono>{s.shortCode}</Td>
                    <Td>{s.isoCountry}</Td>
                    <Td>{caps(s)}</Td>
                    <Td>{s.service ? s.service.friendlyName : <span className="text-slate-400">None</span>}</Td>
                    <Td>
                      <SenderCarrierForm kind="shortCode" sid={s.sid} label={`short code ${s.shortCode}`} carrierSid={s.carrierSid} carriers={carriers} />
                    </Td>
                    <Td>
                      <DeleteShortCodeButton sid={s.sid} shortCode={s.shortCode} />
                    </Td>
                  </tr>
                ))}
              </Table>
            )}
          </div>
        </Card>
      </div>
    </>
  );
}
