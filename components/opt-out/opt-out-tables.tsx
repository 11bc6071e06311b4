import { Table, Td } from "@/components/ui/table";
import { Badge, EmptyState } from "@/components/ui/card";
import type { OptOutEntry, OptOutHistoryEntry } from "@/lib/server/services/opt-out/opt-out-list";
import { RemoveOptOutButton } from "./remove-opt-out-button";

const when = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 19)} UTC`;

/** Who made a change: the console user's email, the API credential, or the recipient's own keyword. */
function who(source: string, id: string | null, email: string | null): string {
  if (source === "keyword") return "Recipient (keyword)";
  if (email) return email;
  return id ? `API (${id})` : "API";
}

export function OptOutTable({ serviceSid, rows, searching }: { serviceSid: string; rows: OptOutEntry[]; searching: boolean }) {
  if (!rows.length) return <EmptyState title={searching ? "No opted-out number matches" : "No one has opted out"}>Numbers that text STOP, or that you add, appear here.</EmptyState>;
  return (
    <Table label="Opted-out recipients" head={["Recipient", "Opted out", "Source", "By", ""]}>
      {rows.map((r) => (
        <tr key={r.recipient}>
          <Td mono>{r.recipient}</Td>
          <Td>{when(r.createdAt)}</Td>
          <Td>
            <Badge>{r.source}</Badge>
          </Td>
          <Td>{who(r.source, r.createdBy, r.createdByEmail)}</Td>
          <Td>
            <RemoveOptOutButton serviceSid={serviceSid} recipient={r.recipient} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}

export function OptOutHistoryTable({ rows }: { rows: OptOutHistoryEntry[] }) {
  if (!rows.length) return <p className="text-sm text-slate-500">No changes yet.</p>;
  return (
    <Table label="Opt-out history" head={["When", "Recipient", "Change", "By"]}>
      {rows.map((r) => (
        <tr key={r.id}>
          <Td>{when(r.createdAt)}</Td>
          <Td mono>{r.recipient}</Td>
          <Td>{r.action === "opt_out" ? <Badge tone="red">opted out</Badge> : <Badge tone="green">opted in</Badge>}</Td>
          <Td>{who(r.source, r.actor, r.actorEmail)}</Td>
        </tr>
      ))}
    </Table>
  );
}
