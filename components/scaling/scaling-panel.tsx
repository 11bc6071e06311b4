"use client";

import { useState } from "react";
import { formatDuration } from "@/lib/core/scaling/format-duration";
import { SERVING_TIER_LABELS } from "@/lib/core/scaling/serving-senders";
import { SNOWSHOE_MIN_NUMBERS, SNOWSHOE_WINDOW_MINUTES } from "@/lib/core/scaling/snowshoe";
import { TARGET_DRAIN_SECONDS } from "@/lib/core/scaling/suggest-senders";
import type { ScalingSnapshot } from "@/lib/server/services/scaling/load-scaling-snapshot";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { ScalingWarnings } from "./scaling-warnings";
import { useScaling } from "./use-scaling";

const n = (v: number) => v.toLocaleString("en-US");
const mps = (v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(2));
const TYPE_LABELS: Record<string, string> = { long_code: "Long code", toll_free: "Toll-free", short_code: "Short code", alpha: "Alphanumeric", whatsapp: "WhatsApp", rcs: "RCS" };

function Stat({ label, value, hint, tone }: { label: string; value: string; hint?: string; tone?: "red" }) {
  return (
    <div className="rounded-md bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold ${tone === "red" ? "text-red-700" : "text-slate-900"}`}>{value}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

type Window = "lastHour" | "last24h";

/** The Scaling tab: live queue figures, suggestions, warnings and the busiest senders (docs/scaling.md). */
export function ScalingPanel({ serviceSid, initial }: { serviceSid: string; initial: ScalingSnapshot }) {
  const { data: s, error, isFetching } = useScaling(serviceSid, initial);
  const [span, setSpan] = useState<Window>("lastHour");
  const busiest = [...s.busiest].sort((a, b) => b[span] - a[span]).filter((b) => b[span] > 0).slice(0, 10);
  const drain = s.drainSeconds === null ? "—" : formatDuration(s.drainSeconds);

  return (
    <>
      <Card
        title="Queue"
        description={`Messages waiting for a sender's rate slot, refreshed every 5 s. Updated ${new Date(s.generatedAt).toLocaleTimeString("en-US")}.`}
        actions={
          <span role="status" aria-live="polite" className="text-xs text-slate-500">
            {error ? <span className="text-red-700">{error.message}; showing the last figures</span> : isFetching ? "Refreshing…" : "Live"}
          </span>
        }
      >
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label="Queue depth" value={n(s.depth)} hint={s.scheduled ? `${n(s.scheduled)} more scheduled for later` : "accepted or queued"} />
          <Stat label="Time to drain" value={drain} hint={s.drainSeconds === null ? "some messages have no sender" : `at the pool's paced MPS`} />
          <Stat label="At risk of expiring" value={n(s.atRisk)} hint="validity ends before their turn" tone={s.atRisk ? "red" : undefined} />
          <Stat label="Pool capacity" value={`${mps(s.capacityMps)} MPS`} hint="all senders together" />
        </dl>
        {s.unroutable ? (
          <div className="mt-4">
            <Alert tone="error">{n(s.unroutable)} waiting messages go to destinations no sender in this pool can reach: they will fail with 21703.</Alert>
          </div>
        ) : null}
      </Card>

      <Card title="Suggestions and warnings" description={`A suggestion appears when a destination's queue takes longer than ${formatDuration(TARGET_DRAIN_SECONDS)} to drain or some of it would expire first. Snowshoeing: one body sent by ${SNOWSHOE_MIN_NUMBERS} or more numbers in ${SNOWSHOE_WINDOW_MINUTES} minutes.`}>
        {s.suggestions.length === 0 && s.rules.length === 0 && s.snowshoe.length === 0 ? (
          <EmptyState title="Nothing to change">The pool keeps up with this service&apos;s traffic and breaks none of the country rules.</EmptyState>
        ) : (
          <div className="space-y-2">
            {s.suggestions.length ? (
              <ul aria-label="Suggestions" className="space-y-2">
                {s.suggestions.map((x) => (
                  <li key={x.groupKey}>
                    <Alert tone="info">
                      <p className="break-words">{x.message}</p>
                    </Alert>
                  </li>
                ))}
              </ul>
            ) : null}
            <ScalingWarnings rules={s.rules} snowshoe={s.snowshoe} />
          </div>
        )}
      </Card>

      <Card title="By destination" description="Destinations routed to the same senders share their pace; they drain in parallel with the others.">
        {s.groups.length === 0 ? (
          <EmptyState title="No message is waiting" />
        ) : (
          <Table label="Queue by destination" head={["Destinations", "Waiting", "Drain", "At risk", "Sent by", "Senders", "MPS"]}>
            {/* The figures first: on a phone the table scrolls and the first columns are what shows. */}
            {s.groups.map((g) => (
              <tr key={g.key}>
                <Td>{g.countries.join(", ")}</Td>
                <Td>{n(g.depth)}</Td>
                <Td>{g.drainSeconds === null ? "never" : formatDuration(g.drainSeconds)}</Td>
                <Td>{n(g.atRisk)}</Td>
                <Td>{SERVING_TIER_LABELS[g.tier]}</Td>
                <Td>{g.senders}</Td>
                <Td>{mps(g.capacityMps)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card
        title="Busiest senders"
        actions={
          <fieldset className="flex gap-3 text-sm">
            <legend className="sr-only">Window</legend>
            {(
              [
                ["lastHour", "Last hour"],
                ["last24h", "Last 24 h"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-1">
                <input type="radio" name="busiest-window" value={value} checked={span === value} onChange={() => setSpan(value)} />
                {label}
              </label>
            ))}
          </fieldset>
        }
      >
        {busiest.length === 0 ? (
          <EmptyState title={span === "lastHour" ? "No sender sent in the last hour" : "No sender sent in the last 24 hours"} />
        ) : (
          <Table label="Busiest senders" head={["Sender", "Last hour", "Last 24 h", "Use (last hour)", "Type", "MPS"]}>
            {busiest.map((b) => (
              <tr key={b.sid}>
                <Td mono>{b.address}</Td>
                <Td>{n(b.lastHour)}</Td>
                <Td>{n(b.last24h)}</Td>
                <Td>{`${Math.round(b.utilization * 100)} %`}</Td>
                <Td>{TYPE_LABELS[b.type] ?? b.type}</Td>
                <Td>{mps(b.mps)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
