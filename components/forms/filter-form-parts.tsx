import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

/** What a console filter form is given: the account's services, the current values (from the URL) and field errors. */
export interface FilterFormProps {
  services: { sid: string; friendlyName: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** The "Service" filter of the console's GET filter forms (alerts, message logs). */
export function ServiceFilterField({ services, value, error }: { services: { sid: string; friendlyName: string }[]; value?: string; error?: string }) {
  return (
    <SelectField
      label="Service"
      name="service"
      defaultValue={value ?? ""}
      options={[{ value: "", label: "All services" }, ...services.map((s) => ({ value: s.sid, label: s.friendlyName }))]}
      error={error}
    />
  );
}

/** Apply and clear: clearing is a link to the unfiltered page, so the URL holds no filter. */
export function FilterButtons({ clearHref, className = "" }: { clearHref: string; className?: string }) {
  return (
    <div className={`flex items-end gap-2 ${className}`.trim()}>
      <Button type="submit">Apply filters</Button>
      <Link href={clearHref} className={buttonClass("secondary")}>
        Clear filters
      </Link>
    </div>
  );
}
