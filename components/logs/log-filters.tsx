import { FilterButtons, ServiceFilterField, type FilterFormProps } from "@/components/forms/filter-form-parts";
import { SelectField, TextField } from "@/components/ui/field";
import { MESSAGE_STATUSES } from "@/lib/core/messages/message-statuses";

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function LogFilters({ services, values, errors }: FilterFormProps) {
  return (
    // Keyed by the filters so "Clear filters" (a client navigation) remounts every field with its new default.
    <form key={JSON.stringify(values)} method="get" action="/logs" aria-label="Filter messages" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <ServiceFilterField services={services} value={values.service} error={errors.service} />
      <SelectField
        label="Direction"
        name="direction"
        defaultValue={values.direction ?? ""}
        options={[
          { value: "", label: "Both" },
          { value: "outbound", label: "Outgoing" },
          { value: "inbound", label: "Incoming" },
        ]}
        error={errors.direction}
      />
      <SelectField
        label="Status"
        name="status"
        defaultValue={values.status ?? ""}
        options={[{ value: "", label: "Any status" }, ...MESSAGE_STATUSES.map((s) => ({ value: s, label: s }))]}
        error={errors.status}
      />
      <TextField label="Error code" name="errorCode" inputMode="numeric" defaultValue={values.errorCode ?? ""} error={errors.errorCode} />
      <TextField label="To" name="to" placeholder="+14155551234" defaultValue={values.to ?? ""} error={errors.to} />
      <TextField label="From" name="from" placeholder="+14155550100" defaultValue={values.from ?? ""} error={errors.from} />
      <TextField label="Sent on or after" name="dateFrom" type="date" defaultValue={values.dateFrom ?? ""} error={errors.dateFrom} />
      <TextField label="Sent on or before" name="dateTo" type="date" defaultValue={values.dateTo ?? ""} error={errors.dateTo} />
      <SelectField
        label="Sort"
        name="sort"
        defaultValue={values.sort ?? "newest"}
        options={[
          { value: "newest", label: "Newest first" },
          { value: "oldest", label: "Oldest first" },
        ]}
      />
      <FilterButtons clearHref="/logs" className="lg:col-span-3" />
    </form>
  );
}
