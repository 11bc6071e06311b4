import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { RANGE_PRESETS } from "@/lib/core/insights/time-range";

/**
 * A plain GET form: filters live in the URL (bookmarkable, like Message
 * Logs). Keyed by the values, so "Clear filters" and back/forward show what
 * the URL says rather than what the selects held before.
 */
export function InsightsFilters({
  action,
  services,
  senders,
  values,
  errors,
}: {
  action: string;
  /** Omitted on a service's own Insights tab. */
  services?: { sid: string; friendlyName: string }[];
  senders: string[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <form key={JSON.stringify(values)} method="get" action={action} aria-label="Filter insights" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
      <SelectField
        label="Time range"
        name="range"
        defaultValue={values.range ?? "7d"}
        options={RANGE_PRESETS.map((p) => ({ value: p.value, label: p.label }))}
        error={errors.range}
      />
      <TextField label="From (custom)" name="from" type="date" defaultValue={values.from ?? ""} error={errors.from} hint="UTC day" />
      <TextField label="To (custom)" name="to" type="date" defaultValue={values.to ?? ""} error={errors.to} hint="UTC day, inclusive" />
      {services ? (
        <SelectField
          label="Service"
          name="service"
          defaultValue={values.service ?? ""}
          options={[{ value: "", label: "All services" }, ...services.map((s) => ({ value: s.sid, label: s.friendlyName }))]}
          error={errors.service}
        />
      ) : null}
      <SelectField
        label="Sender"
        name="sender"
        defaultValue={values.sender ?? ""}
        options={[{ value: "", label: "All senders" }, ...(values.sender && !senders.includes(values.sender) ? [values.sender] : []).concat(senders).map((s) => ({ value: s, label: s }))]}
        error={errors.sender}
      />
      <div className="flex flex-wrap items-end gap-2">
        <Button type="submit">Apply</Button>
        <Link href={action} className={buttonClass("secondary")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
