import type { MessageLinkClick } from "@/lib/server/services/links/link-stats";
import { Card } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

const fmt = (d: Date | null) => (d ? d.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : "—");

/** Message detail: the message's short links and their clicks (nothing shown for messages without short links). */
export function MessageLinkClicks({ links }: { links: MessageLinkClick[] }) {
  if (links.length === 0) return null;
  return (
    <Card title="Link clicks" description="Short links in this message and how often each was clicked.">
      <Table label="Link clicks" head={["Short link", "Original link", "Clicks", "Last click"]}>
        {links.map((l) => (
          <tr key={l.slug}>
            <Td mono>{l.slug}</Td>
            <Td mono>{l.originalUrl}</Td>
            <Td>{l.clicks}</Td>
            <Td>{fmt(l.lastClick)}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
