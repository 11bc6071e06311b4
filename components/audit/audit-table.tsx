import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { auditActionLabel, auditResourceHref } from "@/lib/core/audit/audit-actions";
import type { AuditEventRow } from "@/lib/server/services/audit/list-audit-events";
import { AuditChange } from "./audit-change";

const fmt = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19) + " UTC";

const ACTOR_KIND: Record<string, string> = { user: "user", api_key: "API key", account_token: "auth token", system: "system" };

function Resource({ e }: { e: AuditEventRow }) {
  // A deleted resource has no page any more: its SID is shown without a link.
  const gone = /\.(delete|release)$/.test(e.action);
  const href = gone ? null : auditResourceHref(e.resourceType, e.resourceSid, e.serviceSid);
  return (
    <span className="flex flex-col">
      <span className="text-xs text-slate-500">{e.resourceType.replace(/_/g, " ")}</span>
      {href ? (
        <Link className="break-all font-mono text-xs text-indigo-700 hover:underline" href={href}>
          {e.resourceSid}
        </Link>
      ) : (
        <span className="break-all font-mono text-xs">{e.resourceSid}</span>
      )}
    </span>
  );
}

function Who({ e }: { e: AuditEventRow }) {
  return (
    <span className="flex flex-col gap-0.5">
      <span className="break-all">{e.actorLabel}</span>
      <span className="flex gap-1">
        <Badge tone={e.source === "console" ? "indigo" : e.source === "api" ? "green" : "slate"}>{e.source}</Badge>
        <span className="text-xs text-slate-500">{ACTOR_KIND[e.actorType] ?? e.actorType}</span>
      </span>
    </span>
  );
}

/**
 * The audit events of one page: a table from md up; on a phone, one card per
 * event (a five-column table would scroll sideways at 390 px).
 */
export function AuditTable({ events, filtered }: { events: AuditEventRow[]; filtered: boolean }) {
  if (events.length === 0) {
    return (
      <EmptyState title={filtered ? "No events match these filters" : "No changes recorded yet"}>
        {filtered ? "Try a wider date range or clear the filters." : "Changes made in the console or through the API appear here, with who made them and what changed."}
      </EmptyState>
    );
  }
  return (
    <>
      <div className="hidden md:block">
        <Table label="Audit events" head={["When", "Who", "Action", "Resource", "Change"]}>
          {events.map((e) => (
            <tr key={e.id} className="align-top">
              <Td mono>{fmt(e.createdAt)}</Td>
              <td className="max-w-48 px-3 py-2 text-slate-700">
                <Who e={e} />
              </td>
              <td className="px-3 py-2 text-slate-700">
                <span className="block">{auditActionLabel(e.action)}</span>
                <span className="font-mono text-xs text-slate-500">{e.action}</span>
              </td>
              <td className="px-3 py-2 text-slate-700">
                <Resource e={e} />
              </td>
              <td className="min-w-64 px-3 py-2 text-slate-700">
                <AuditChange before={e.before} after={e.after} />
              </td>
            </tr>
          ))}
        </Table>
      </div>
      <ul aria-label="Audit events" className="space-y-3 md:hidden">
        {events.map((e) => (
          <li key={e.id} className="rounded-md p-3 text-sm ring-1 ring-slate-200">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium text-slate-900">{auditActionLabel(e.action)}</span>
              <span className="font-mono text-xs text-slate-500">{fmt(e.createdAt)}</span>
            </p>
            <div className="mt-2 space-y-2">
              <Who e={e} />
              <Resource e={e} />
              <AuditChange before={e.before} after={e.after} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
