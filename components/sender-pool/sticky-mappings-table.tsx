import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

export interface MappingRow {
  recipient: string;
  channel: string;
  sender: string;
  since: Date;
}

export function StickyMappingsTable({ rows, total }: { rows: MappingRow[]; total: number }) {
  if (rows.length === 0) {
    return <EmptyState title="No sticky mappings yet">With Sticky Sender on, each recipient is mapped to the sender of its first message.</EmptyState>;
  }
  return (
    <>
      <Table label="Sticky mappings" head={["Recipient", "Channel", "Sender", "Since"]}>
        {rows.map((m) => (
          <tr key={`${m.channel}:${m.recipient}`}>
            <Td mono>{m.recipient}</Td>
            <Td>{m.channel === "whatsapp" ? "WhatsApp" : "SMS"}</Td>
            <Td>{m.sender}</Td>
            <Td>{m.since.toISOString().replace("T", " ").slice(0, 16)} UTC</Td>
          </tr>
        ))}
      </Table>
      {total > rows.length ? <p className="mt-2 text-xs text-slate-500">Showing the {rows.length} most recent of {total}.</p> : null}
    </>
  );
}
