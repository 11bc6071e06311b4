import { Card, PageHeader } from "@/components/ui/card";

/** Shown while a page of events (or a new filter) loads. */
export default function AuditLoading() {
  return (
    <>
      <PageHeader title="Audit log" />
      <Card>
        <div role="status" aria-label="Loading audit events" className="space-y-3">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="h-8 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
      </Card>
    </>
  );
}
