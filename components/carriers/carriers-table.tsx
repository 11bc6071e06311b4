"use client";

import Link from "next/link";
import { Alert, Badge, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { CarrierStateBadge, when } from "./state-badge";
import { useCarriers, type CarrierJson } from "./use-carriers";

/** The Carriers list: each connection's live state, refreshed every 2 s. */
export function CarriersTable({ initial }: { initial: CarrierJson[] }) {
  const q = useCarriers(initial);
  const rows = q.data;
  if (rows.length === 0) {
    return (
      <EmptyState title="No carriers yet">
        Add an SMPP connection or a Twilio-compatible upstream. Until then messages go to the built-in carrier simulator.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      {q.isError ? <Alert tone="error">{q.error.message}</Alert> : null}
      <Table
        label="Carriers"
        head={["Carrier", "Type", "State", "Last error", "MPS out / in", "Window", "Queue", "Last report", "Reconnects"]}
      >
        {rows.map((c) => (
          <tr key={c.sid} aria-label={c.friendly_name}>
            <Td>
              <Link href={`/carriers/${c.sid}`} className="font-medium text-indigo-700 hover:underline">
                {c.friendly_name}
              </Link>
              <span className="ml-2 inline-flex gap-1">
                {c.is_default ? <Badge tone="indigo">Default</Badge> : null}
                {c.enabled ? null : <Badge>Disabled</Badge>}
              </span>
            </Td>
            <Td>{c.type === "smpp" ? `SMPP ${c.host}:${c.port}` : "Twilio API"}</Td>
            <Td>
              <CarrierStateBadge state={c.state} />
            </Td>
            <td className="max-w-xs px-3 py-2 text-xs">
              {c.last_error ? <span className={c.state === "error" ? "font-medium text-red-700" : "text-slate-500"}>{c.last_error}</span> : <span className="text-slate-400">—</span>}
            </td>
            <Td>
              {c.mps_out} / {c.mps_in}
            </Td>
            <Td>{c.type === "smpp" ? `${c.window_in_use} / ${(c.window_size ?? 0) * (c.binds ?? 1)}` : c.window_in_use}</Td>
            <Td>{c.queue_depth}</Td>
            <Td>{when(c.last_delivery_report_at)}</Td>
            <Td>{c.reconnects}</Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
