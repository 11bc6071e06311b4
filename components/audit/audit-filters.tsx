import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { AUDIT_ACTIONS, auditActionLabel } from "@/lib/core/audit/audit-actions";

/** A plain GET form: the filters live in the URL (bookmarkable, like Message Logs and Alerts). */
export function AuditFilters({
  values,
  errors,
  actors,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  actors: { value: string; label: string }[];
}) {
  return (
    <form method="get" action="/audit" aria-label="Filter audit events" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <TextField
        label="Actor"
        name="actor"
        defaultValue={values.actor ?? ""}
        list="audit-actors"
        placeholder="Email or credential SID"
        autoComplete="off"
        error={errors.actor}
      />
      <datalist id="audit-actors">
        {actors.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
      </datalist>
      <SelectField
        label="Action"
        name="action"
        defaultValue={values.action ?? ""}
        options={[{ value: "", label: "All actions" }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: `${auditActionLabel(a)} (${a})` }))]}
        error={errors.action}
      />
      <TextField label="Resource SID" name="resource" defaultValue={values.resource ?? ""} placeholder="MG…, PN…, or a service's SID" autoComplete="off" error={errors.resource} />
      <TextField label="From (UTC)" name="from" type="date" defaultValue={values.from ?? ""} error={errors.from} />
      <TextField label="To (UTC)" name="to" type="date" defaultValue={values.to ?? ""} error={errors.to} />
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <Link href="/audit" className={buttonClass("secondary")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
