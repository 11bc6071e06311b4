import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { alertTypeLabel } from "@/lib/core/alerts/alert-kinds";
import type { AlertRow } from "@/lib/server/services/alerts/list-alerts";

const day = (d: Date) => d.toISOString().slice(0, 10);
const time = (d: Date) => d.toISOString().slice(11, 19) + " UTC";

/**
 * Alerts with the message each concerns (link to its log entry). Details is
 * the column people read: the others wrap or shorten so it keeps about a
 * third of the table at 1366 px (docs/console.md "Layout and states").
 */
export function AlertsTable({ alerts, showService = true, label = "Alerts" }: { alerts: AlertRow[]; showService?: boolean; label?: string }) {
  if (alerts.length === 0) {
    return <EmptyState title="No alerts">Warnings raised while sending (for example the Sender ID pre-registration alert) appear here. They never block a message.</EmptyState>;
  }
  const head = ["Time", "Level", "Type", ...(showService ? ["Service"] : []), "Message", "Details"];
  return (
    <Table label={label} head={head}>
      {alerts.map((a) => (
        <tr key={a.id} className="align-top">
          <Td mono>
            <time dateTime={a.createdAt.toISOString()}>
              {day(a.createdAt)}
              <span className="block text-slate-500">{time(a.createdAt)}</span>
            </time>
          </Td>
          <Td>
            <Badge tone={a.level === "warning" ? "amber" : "slate"}>{a.level}</Badge>
          </Td>
          <td className="min-w-32 max-w-44 px-3 py-2 text-slate-700">
            {alertTypeLabel(a.code)} <span className="whitespace-nowrap text-slate-500">({a.code})</span>
          </td>
          {showService ? <td className="min-w-24 max-w-36 break-words px-3 py-2 text-slate-700">{a.serviceName ?? "—"}</td> : null}
          <Td mono>
            {a.messageSid ? (
              <Link className="text-indigo-700 hover:underline" href={`/logs/${a.messageSid}`} title={a.messageSid} aria-label={`Message ${a.messageSid}`}>
                {a.messageSid.slice(0, 8)}…
              </Link>
            ) : (
              "—"
            )}
          </Td>
          <td className="min-w-72 px-3 py-2 text-slate-700">{a.text}</td>
        </tr>
      ))}
    </Table>
  );
}
