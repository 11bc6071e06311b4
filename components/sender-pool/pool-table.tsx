import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { PoolRow } from "./pool-rows";
import { RemoveSenderButton } from "./remove-sender-button";

export function PoolTable({ serviceSid, rows }: { serviceSid: string; rows: PoolRow[] }) {
  if (rows.length === 0) {
    return <EmptyState title="No sender yet">Add a phone number, short code, alpha sender, WhatsApp or RCS sender below.</EmptyState>;
  }
  return (
    <Table label="Senders" head={["Sender", "Type", "Country", "Capabilities", "MPS", "Added", <span key="a" className="sr-only">Actions</span>]}>
      {rows.map((r) => (
        <tr key={r.sid}>
          <Td>
            <span className="font-medium text-slate-900">{r.sender}</span>
            {r.notes.map((n) => (
              <span key={n} className="block whitespace-normal text-xs text-amber-700">
                {n}
              </span>
            ))}
          </Td>
          <Td>{r.type}</Td>
          <Td>{r.country}</Td>
          <Td>{r.capabilities}</Td>
          <Td>
            <span title="Messages per second (default for the type)">{r.mps}</span>
          </Td>
          <Td>{r.added.toISOString().slice(0, 10)}</Td>
          <Td>
            <RemoveSenderButton serviceSid={serviceSid} senderSid={r.sid} label={r.sender} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
