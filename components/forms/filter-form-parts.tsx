import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

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
