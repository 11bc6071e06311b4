import { Badge } from "@/components/ui/card";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Active / in validation / none, for the domains list and the domain page. */
export function CertificateStatus({ active, pending }: { active: { notAfter: Date } | null; pending: { notAfter: Date } | null }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {active ? <Badge tone="green">Active until {day(active.notAfter)}</Badge> : null}
      {pending ? <Badge tone="amber">In validation (cert_in_validation)</Badge> : null}
      {!active && !pending ? <Badge tone="red">No certificate</Badge> : null}
    </span>
  );
}
