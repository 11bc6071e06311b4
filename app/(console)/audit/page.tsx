import Link from "next/link";
import { requirePagePermission } from "@/lib/server/auth/session";
import { auditActorSuggestions } from "@/lib/server/services/audit/audit-actors";
import { parseAuditFilter } from "@/lib/server/services/audit/audit-filter-schema";
import { listAuditEvents, type AuditPage } from "@/lib/server/services/audit/list-audit-events";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";

const FILTERS = ["actor", "action", "resource", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Who changed what is for the people who run the account (docs/team.md "Roles").
  const viewer = await requirePagePermission("account.manage");
  const raw = await searchParams;
  const parsed = parseAuditFilter(raw);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) fieldErrors[String(i.path[0] ?? "_")] ??= i.message;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") values[k] = v;
  const empty: AuditPage = { events: [], older: null, newer: null };
  const [actors, page] = await Promise.all([
    auditActorSuggestions(viewer.accountSid),
    // Invalid filters show their field errors and no rows rather than everything.
    parsed.success ? listAuditEvents(viewer.accountSid, parsed.data) : Promise.resolve(empty),
  ]);
  const kept = new URLSearchParams();
  for (const k of FILTERS) if (values[k]) kept.set(k, values[k]);
  const href = (cursor?: [string, string]) => {
    const q = new URLSearchParams(kept);
    if (cursor) q.set(...cursor);
    return q.size ? `/audit?${q}` : "/audit";
  };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in the console or through the API: who made it, when, and the fields before and after. Secrets are never shown."
      />
      <div className="space-y-4">
        <Card>
          <AuditFilters values={values} errors={fieldErrors} actors={actors} />
        </Card>
        <Card>
          <AuditTable events={page.events} filtered={kept.size > 0} />
          {page.older || page.newer ? (
            <nav aria-label="Pages" className="mt-4 flex flex-wrap gap-2">
              {page.newer ? (
                <>
                  <Link className={buttonClass("secondary")} href={href()}>
                    Newest
                  </Link>
                  <Link className={buttonClass("secondary")} href={href(["after", page.newer])}>
                    Newer events
                  </Link>
                </>
              ) : null}
              {page.older ? (
                <Link className={buttonClass("secondary")} href={href(["before", page.older])}>
                  Older events
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Card>
      </div>
    </>
  );
}
