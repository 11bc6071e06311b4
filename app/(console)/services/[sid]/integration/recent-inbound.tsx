import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { RecentInbound } from "@/lib/server/services/inbound/list-recent-inbound";

const outcomeLabel: Record<string, { label: string; tone: "green" | "amber" | "red" | "slate" | "indigo" }> = {
  pending: { label: "pending", tone: "amber" },
  webhook: { label: "webhook", tone: "green" },
  fallback: { label: "fallback", tone: "amber" },
  conversation: { label: "conversation", tone: "indigo" },
  none: { label: "not forwarded", tone: "slate" },
  failed: { label: "failed", tone: "red" },
};

/** What happened to the service's latest incoming messages (server-rendered with the page). */
export function RecentInboundTable({ rows }: { rows: RecentInbound[] }) {
  if (rows.length === 0) return <EmptyState title="Nothing received yet" />;
  return (
    <Table label="Latest received messages" head={["Received", "From", "To", "Handling", "Answer", "Replies", "Note"]}>
      {rows.map((r) => {
        const o = outcomeLabel[r.outcome ?? "pending"] ?? { label: r.outcome ?? "", tone: "slate" as const };
        return (
          <tr key={r.sid}>
            <Td>
              <Link href={`/logs/${r.sid}`} className="text-indigo-700 hover:underline" aria-label={`Message ${r.sid}`}>
                {r.createdAt.toISOString().replace("T", " ").slice(0, 19)}
              </Link>
            </Td>
            <Td mono>{r.from ?? "—"}</Td>
            <Td mono>{r.to}</Td>
            <Td>
              <Badge tone={o.tone}>{o.label}</Badge>
            </Td>
            <Td>{r.responseStatus ? `HTTP ${r.responseStatus}` : r.attempts ? "no answer" : ""}</Td>
            <Td>{r.replies ?? 0}</Td>
            <td className="max-w-sm truncate px-3 py-2 text-xs text-slate-600" title={r.lastError ?? undefined}>
              {r.lastError ?? ""}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
