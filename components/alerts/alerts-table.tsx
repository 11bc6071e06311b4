import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { alertTypeLabel } from "@/lib/core/alerts/alert-kinds";
import type { AlertRow } from "@/lib/server/services/alerts/list-alerts";

const fmt = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19) + " UTC";

/** Alerts with the message each concerns (link to its log entry). */
export function AlertsTable({ alerts, showService = true, label = "Alerts" }: { alerts: AlertRow[]; showService?: boolean; label?: string }) {
  if (alerts.length === 0) {
    return <EmptyState title="No alerts">Warnings raised while sending (for example the Sender ID pre-registration alert) appear here. They never block a message.</EmptyState>;
  }
  const head = ["Time", "Level", "Type", ...(showService ? ["Service"] : []), "Message", "Details"];
  return (
    <Table label={label} head={head}>
      {alerts.map((a) => (
        <tr key={a.id}>
          <Td mono>{fmt(a.createdAt)}</Td>
          <Td>
            <Badge tone={a.level === "warning" ? "amber" : "slate"}>{a.level}</Badge>
          </Td>
          <Td>
            {alertTypeLabel(a.code)} ({a.code})
          </Td>
          {showService ? <Td>{a.serviceName ?? "—"}</Td> : null}
          <Td mono>
            {a.messageSid ? (
              <Link className="text-indigo-700 hover:underline" href={`/logs/${a.messageSid}`}>
                {a.messageSid}
              </Link>
            ) : (
              "—"
            )}
          </Td>
          <td className="px-3 py-2 text-slate-700">{a.text}</td>
        </tr>
      ))}
    </Table>
  );
}
