import Link from "next/link";
import type { ReactNode } from "react";
import { AddAlphaSenderForm, AddPhoneNumberForm, AddRcsForm, AddShortCodeForm, AddWhatsAppForm } from "./add-sender-forms";
import { countryOptions } from "./country-options";

type Option = { value: string; label: string };

/**
 * The "Add senders" forms of a pool, one per sender type (Sender Pool page and
 * guided setup). `noNumbers` is what to say when the inventory has no other
 * number: a link to Phone Numbers, or (in the setup) a pointer to the inline search.
 */
export function AddSenders({
  serviceSid,
  numberOptions,
  shortCodeOptions,
  noNumbers,
}: {
  serviceSid: string;
  numberOptions: Option[];
  shortCodeOptions: Option[];
  noNumbers?: ReactNode;
}) {
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-label="Phone numbers" className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-800">Phone number</h3>
        {numberOptions.length ? (
          <AddPhoneNumberForm serviceSid={serviceSid} options={numberOptions} />
        ) : (
          <p className="text-sm text-slate-500">
            {noNumbers ?? (
              <>
                No other number in your inventory. <Link className="text-indigo-700 underline" href="/numbers">Buy or add one</Link>.
              </>
            )}
          </p>
        )}
      </section>
      <section aria-label="Short codes" className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-800">Short code</h3>
        {shortCodeOptions.length ? (
          <AddShortCodeForm serviceSid={serviceSid} options={shortCodeOptions} />
        ) : (
          <p className="text-sm text-slate-500">
            No other short code in your inventory. <Link className="text-indigo-700 underline" href="/numbers">Add one</Link>.
          </p>
        )}
      </section>
      <section aria-label="Alphanumeric sender IDs" className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-800">Alphanumeric sender ID</h3>
        <AddAlphaSenderForm serviceSid={serviceSid} countries={countryOptions()} />
      </section>
      <section aria-label="WhatsApp and RCS" className="space-y-6">
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">WhatsApp sender</h3>
          <AddWhatsAppForm serviceSid={serviceSid} />
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">RCS sender</h3>
          <AddRcsForm serviceSid={serviceSid} />
        </div>
      </section>
    </div>
  );
}
