import Link from "next/link";
import { INVENTORY_COUNTRIES } from "@/lib/core/inventory/countries";
import { requireViewerPage } from "@/lib/server/auth/session";
import { getPhoneNumber, listPhoneNumbers } from "@/lib/server/services/phone-numbers/phone-number-queries";
import { searchFromParams } from "@/lib/server/services/phone-numbers/search-from-params";
import { listShortCodes } from "@/lib/server/services/short-codes/short-code-queries";
import { carrierChoices } from "@/lib/server/services/carriers/carrier-queries";
import { SenderCarrierForm } from "@/components/carriers/sender-carrier-form";
import { AppError } from "@/lib/server/errors";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, Td } from "@/components/ui/table";
import { AddNumberForm } from "@/components/numbers/add-number-form";
import { AvailableNumbers } from "@/components/numbers/available-numbers";
import { EditNumberForm, ReleaseNumberButton } from "@/components/numbers/edit-number-form";
import { capabilityList, numberTypeLabel } from "@/components/numbers/number-labels";
import { SearchNumbersForm } from "@/components/numbers/search-form";
import { AddShortCodeForm, DeleteShortCodeButton } from "@/components/numbers/short-code-forms";
import { countryOptions } from "@/components/sender-pool/country-options";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const caps = capabilityList;
const typeLabel = numberTypeLabel;

export default async function PhoneNumbersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireViewerPage();
  const sp = await searchParams;
  const editSid = one(sp.edit);

  const [numbers, shortCodes, { values, errors, results }, editing, carriers] = await Promise.all([
    listPhoneNumbers(viewer.accountSid),
    listShortCodes(viewer.accountSid),
    searchFromParams(viewer.accountSid, sp),
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
            <Table label="Phone numbers" head={["Number", "Country", "Type", "Capabilities", "SMS webhook", "Service", "Carrier", <span key="a" className="sr-only">Actions</span>]}>
              {numbers.items.map((n) => (
                <tr key={n.sid}>
                  {/* The name under the number (when it says something else) and cells that wrap keep every
                      column, Configure included, in view at 1366 px (docs/console.md "Layout and states"). */}
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                    <span className="font-mono text-xs">{n.phoneNumber}</span>
                    {n.friendlyName !== n.phoneNumber ? <span className="block max-w-40 truncate text-xs text-slate-500" title={n.friendlyName}>{n.friendlyName}</span> : null}
                  </td>
                  <Td>{n.isoCountry}</Td>
                  <Td>{typeLabel(n.numberType)}</Td>
                  <td className="min-w-24 px-3 py-2 text-slate-700">{caps(n)}</td>
                  {/* A webhook can be any length: one cut line here (full text in the title, and in Configure). */}
                  <td className="max-w-44 truncate px-3 py-2 text-slate-700" title={n.smsUrl ? `${n.smsMethod} ${n.smsUrl}` : undefined}>
                    {n.smsUrl ? `${n.smsMethod} ${n.smsUrl}` : <span className="text-slate-400">—</span>}
                  </td>
                  <td className="min-w-28 max-w-40 break-words px-3 py-2 text-slate-700">
                    {n.service ? (
                      <Link href={`/services/${n.service.sid}/sender-pool`} className="text-indigo-700 hover:underline">
                        {n.service.friendlyName}
                      </Link>
                    ) : (
                      <span className="text-slate-400">None</span>
                    )}
                  </td>
                  <td className="min-w-24 max-w-36 break-words px-3 py-2 text-slate-700">
                    {n.carrierSid ? carrierName.get(n.carrierSid) ?? n.carrierSid : <span className="text-slate-400">Account default</span>}
                  </td>
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
          <AvailableNumbers results={results} />
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
