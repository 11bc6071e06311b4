import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export interface SearchValues {
  country: string;
  type: string;
  areaCode: string;
  capability: string;
}

/**
 * A plain GET form: the search lives in the URL (shareable, back button
 * works) and the server page runs it; no client state.
 */
export function SearchNumbersForm({
  values,
  countries,
  errors,
  action = "/numbers",
}: {
  values: SearchValues;
  countries: { value: string; label: string }[];
  errors: Record<string, string[]>;
  /** The page that runs the search (Phone Numbers, or a guided setup step). */
  action?: string;
}) {
  return (
    <form method="get" action={action} aria-label="Search available numbers" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <SelectField label="Country" name="country" defaultValue={values.country} options={countries} error={errors.country} />
      <SelectField
        label="Type"
        name="type"
        defaultValue={values.type}
        error={errors.type}
        options={[
          { value: "local", label: "Local" },
          { value: "mobile", label: "Mobile" },
          { value: "toll_free", label: "Toll-free" },
        ]}
      />
      <TextField label="Area code" name="areaCode" inputMode="numeric" maxLength={5} placeholder="415" defaultValue={values.areaCode} error={errors.areaCode} />
      <SelectField
        label="Capability"
        name="capability"
        defaultValue={values.capability}
        error={errors.capability}
        options={[
          { value: "", label: "Any" },
          { value: "SMS", label: "SMS" },
          { value: "MMS", label: "MMS" },
          { value: "Voice", label: "Voice" },
        ]}
      />
      <input type="hidden" name="search" value="1" />
      <Button type="submit">Search</Button>
    </form>
  );
}
