import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";

export function TopLinksTable({ links }: { links: { originalUrl: string; links: number; clicks: number }[] }) {
  if (links.length === 0) return <EmptyState title="No clicks yet" />;
  return (
    <Table label="Top links" head={["Original link", "Short links", "Clicks"]}>
      {links.map((l) => (
        <tr key={l.originalUrl}>
          <Td mono>{l.originalUrl}</Td>
          <Td>{l.links}</Td>
          <Td>{l.clicks}</Td>
        </tr>
      ))}
    </Table>
  );
}
