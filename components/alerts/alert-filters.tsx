import { FilterButtons, ServiceFilterField, type FilterFormProps } from "@/components/forms/filter-form-parts";
import { SelectField } from "@/components/ui/field";
import { ALERT_TYPES } from "@/lib/core/alerts/alert-kinds";

/** A plain GET form: filters live in the URL (bookmarkable, like Message Logs). */
export function AlertFilters({ services, values, errors }: FilterFormProps) {
  return (
    <form method="get" action="/alerts" aria-label="Filter alerts" className="grid gap-3 sm:grid-cols-3">
      <ServiceFilterField services={services} value={values.service} error={errors.service} />
      <SelectField
        label="Type"
        name="code"
        defaultValue={values.code ?? ""}
        options={[{ value: "", label: "All types" }, ...ALERT_TYPES.map((t) => ({ value: String(t.code), label: `${t.label} (${t.code})` }))]}
        error={errors.code}
      />
      <FilterButtons clearHref="/alerts" />
    </form>
  );
}
