"use client";

import { Alert } from "@/components/ui/card";
import { CarrierStateBadge, when } from "./state-badge";
import { useCarrier, type CarrierJson } from "./use-carriers";

/** The live state of one carrier, refreshed every 2 s; an error state shows its last error prominently. */
export function CarrierLivePanel({ initial }: { initial: CarrierJson }) {
  const q = useCarrier(initial);
  const c = q.data;
  const figures: [string, string | number][] = [
    ["Binds bound", c.type === "smpp" ? `${c.binds_bound} of ${c.binds ?? 1}` : c.binds_bound],
    ["Messages per second out", c.mps_out],
    ["Messages per second in", c.mps_in],
    ["Window in use", c.window_in_use],
    ["Queue depth", c.queue_depth],
    ["Last delivery report", when(c.last_delivery_report_at)],
    ["Reconnects", c.reconnects],
  ];
  return (
    <div className="space-y-4" aria-live="polite">
      {q.isError ? <Alert tone="error">{q.error.message}</Alert> : null}
      <p className="flex items-center gap-2 text-sm text-slate-700">
        State <CarrierStateBadge state={c.state} />
        {c.enabled ? null : <span className="text-slate-500">(disabled: its binds are closed)</span>}
      </p>
      {c.last_error ? (
        c.state === "error" ? (
          <Alert tone="error">
            <span className="font-medium">Last error:</span> {c.last_error}
            {c.last_error_at ? <span className="block text-xs">at {when(c.last_error_at)} UTC</span> : null}
          </Alert>
        ) : (
          <p className="text-xs text-slate-500">
            Last error ({when(c.last_error_at)}): {c.last_error}
          </p>
        )
      ) : null}
      <dl aria-label="Live figures" className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
