import { INVENTORY_COUNTRIES } from "@/lib/core/inventory/countries";
import { carrierChoices } from "@/lib/server/services/carriers/carrier-queries";
import { searchFromParams } from "@/lib/server/services/phone-numbers/search-from-params";
import { poolAddOptions } from "@/lib/server/services/sender-pool/pool-add-options";
import { listPool } from "@/lib/server/services/sender-pool/pool-queries";
import type { SetupProgress } from "@/lib/server/services/setup/load-setup-progress";
import { Card } from "@/components/ui/card";
import { AvailableNumbers } from "@/components/numbers/available-numbers";
import { SearchNumbersForm } from "@/components/numbers/search-form";
import { AddSenders } from "@/components/sender-pool/add-senders";
import { countryOptions } from "@/components/sender-pool/country-options";
import { poolRows } from "@/components/sender-pool/pool-rows";
import { PoolTable } from "@/components/sender-pool/pool-table";
import { StepActions } from "@/components/setup/step-actions";

type Params = Record<string, string | string[] | undefined>;

/** Step 2: the pool, a number bought straight into it, or senders the account already has. */
export async function SendersStep({ accountSid, service, progress, searchParams }: { accountSid: string; service: { sid: string }; progress: SetupProgress; searchParams: Params }) {
  const [pool, options, search, carriers] = await Promise.all([
    listPool(accountSid, service.sid),
    poolAddOptions(accountSid, service.sid),
    searchFromParams(accountSid, searchParams),
    carrierChoices(accountSid),
  ]);
  const here = `/services/${service.sid}/setup/senders`;
  return (
    <>
      <Card title="Sender Pool" description="The senders this service chooses from; routing picks one per message.">
        <PoolTable serviceSid={service.sid} rows={poolRows(pool)} carriers={carriers} />
        <p className="mt-3 text-xs text-slate-500">{pool.total} of 400 senders.</p>
      </Card>
      <Card title="Buy a number" description="Search the inventory; “Buy and add” buys the number and puts it in this pool at once.">
        <SearchNumbersForm action={here} values={search.values} errors={search.errors} countries={countryOptions(INVENTORY_COUNTRIES)} />
        <AvailableNumbers results={search.results} serviceSid={service.sid} />
      </Card>
      <Card title="Add senders you already have" description="Numbers and short codes of your account, alphanumeric sender IDs, WhatsApp and RCS senders.">
        <AddSenders serviceSid={service.sid} numberOptions={options.numberOptions} shortCodeOptions={options.shortCodeOptions} noNumbers="No other number in your inventory: buy one above." />
      </Card>
      <StepActions
        serviceSid={service.sid}
        step="senders"
        canContinue={progress.facts.poolSize > 0}
        hint={progress.facts.poolSize > 0 ? undefined : "Add a sender to continue, or skip and add senders later."}
      />
    </>
  );
}
