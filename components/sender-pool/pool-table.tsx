import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { PoolRow } from "./pool-rows";
import { RemoveSenderButton } from "./remove-sender-button";
import { SenderCarrierForm } from "@/components/carriers/sender-carrier-form";
import type { CarrierChoice } from "@/components/carriers/route-forms";

export function PoolTable({ serviceSid, rows, carriers = [] }: { serviceSid: string; rows: PoolRow[]; carriers?: CarrierChoice[] }) {
  if (rows.length === 0) {
    return <EmptyState title="No sender yet">Add a phone number, short code, alpha sender, WhatsApp or RCS sender below.</EmptyState>;
  }
  return (
    <Table label="Senders" head={["Sender", "Type", "Country", "Capabilities", "MPS", "Added", "Carrier", <span key="a" className="sr-only">Actions</span>]}>
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
          {/* Type and capabilities wrap, so the carrier form and Remove stay in view at 1366 px. */}
          <td className="min-w-24 px-3 py-2 text-slate-700">{r.type}</td>
          <Td>{r.country}</Td>
          <td className="min-w-24 px-3 py-2 text-slate-700">{r.capabilities}</td>
          <Td>
            <span title="Messages per second (default for the type)">{r.mps}</span>
          </Td>
          <Td>{r.added.toISOString().slice(0, 10)}</Td>
          <Td>
            {r.carrier ? (
              <SenderCarrierForm kind={r.carrier.kind} sid={r.sid} label={r.sender} carrierSid={r.carrier.carrierSid} carriers={carriers} />
            ) : (
              <span className="text-slate-400">—</span>
            )}
          </Td>
          <Td>
            <RemoveSenderButton serviceSid={serviceSid} senderSid={r.sid} label={r.sender} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
