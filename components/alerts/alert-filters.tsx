import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ALERT_TYPES } from "@/lib/core/alerts/alert-kinds";

/** A plain GET form: filters live in the URL (bookmarkable, like Message Logs). */
export function AlertFilters({
  services,
  values,
  errors,
}: {
  services: { sid: string; friendlyName: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <form method="get" action="/alerts" aria-label="Filter alerts" className="grid gap-3 sm:grid-cols-3">
      <SelectField
        label="Service"
        name="service"
        defaultValue={values.service ?? ""}
        options={[{ value: "", label: "All services" }, ...services.map((s) => ({ value: s.sid, label: s.friendlyName }))]}
        error={errors.service}
      />
      <SelectField
        label="Type"
        name="code"
        defaultValue={values.code ?? ""}
        options={[{ value: "", label: "All types" }, ...ALERT_TYPES.map((t) => ({ value: String(t.code), label: `${t.label} (${t.code})` }))]}
        error={errors.code}
      />
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <Link href="/alerts" className={buttonClass("secondary")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
