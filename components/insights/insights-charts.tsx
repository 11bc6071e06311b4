"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMs, percent, STATUS_SERIES } from "@/lib/core/insights/chart-series";
import { CHART_TITLES, chartTable, type ChartId } from "@/lib/core/insights/chart-tables";
import type { InsightsReport } from "@/lib/core/insights/shape-report";
import { ChartFigure } from "./chart-figure";

const tick = { fontSize: 11, fill: "#64748b" };

/** Every chart of the Insights page for one report; `query` is the filter's query string (CSV links keep it). */
export function InsightsCharts({ report, query, logsQuery }: { report: InsightsReport; query: string; logsQuery: string }) {
  const hourly = report.range.bucket === "hour";
  const label = (iso: string) => (hourly ? `${iso.slice(5, 10)} ${iso.slice(11, 13)}:00` : iso.slice(0, 10));
  const figure = (id: ChartId, description: string, empty: boolean, chart: React.ReactNode) => (
    <ChartFigure title={CHART_TITLES[id]} description={description} table={chartTable(report, id)} csvHref={`/api/console/insights/export?chart=${id}${query ? `&${query}` : ""}`} empty={empty}>
      <ResponsiveContainer width="100%" height="100%">
        {chart as React.ReactElement}
      </ResponsiveContainer>
    </ChartFigure>
  );
  const noMessages = report.totals.outbound === 0 && report.totals.inbound === 0;
  const status = report.status.map((p) => ({ ...p, label: label(p.bucket) }));
  const rates = report.rates.map((r) => ({ label: label(r.bucket), deliveryRate: r.deliveryRate === null ? null : r.deliveryRate * 100, errorRate: r.errorRate === null ? null : r.errorRate * 100 }));
  const seriesInUse = STATUS_SERIES.filter((s) => report.status.some((p) => p[s.key] > 0));

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {figure(
        "status",
        `Messages created in each ${hourly ? "hour" : "day"}, by their current status.`,
        noMessages,
        <BarChart data={status}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={tick} minTickGap={16} />
          <YAxis tick={tick} allowDecimals={false} width={40} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {seriesInUse.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="s" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>,
      )}
      {figure(
        "rates",
        `Delivered over messages with a carrier outcome: ${percent(report.totals.deliveryRate)}. Messages with an error code over all outbound: ${percent(report.totals.errorRate)}.`,
        report.totals.outbound === 0,
        <LineChart data={rates}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={tick} minTickGap={16} />
          <YAxis tick={tick} domain={[0, 100]} unit="%" width={44} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)}%` : String(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {/* Dots: a range with one active hour is one point, which a line alone would not show. */}
          <Line dataKey="deliveryRate" name="Delivery rate" stroke="#059669" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          <Line dataKey="errorRate" name="Error rate" stroke="#dc2626" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        </LineChart>,
      )}
      <div className="min-w-0 space-y-2">
        {figure(
          "errors",
          "The most frequent error codes of outbound messages, with Twilio's description.",
          report.errorCodes.length === 0,
          <BarChart data={report.errorCodes.map((e) => ({ code: String(e.code), count: e.count }))} layout="vertical">
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={tick} allowDecimals={false} />
            <YAxis type="category" dataKey="code" tick={tick} width={48} />
            <Tooltip />
            <Bar dataKey="count" name="Messages" fill="#dc2626" isAnimationActive={false} />
          </BarChart>,
        )}
        {report.errorCodes.length ? (
          <ul aria-label="Error codes in Message Logs" className="divide-y divide-slate-100 rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
            {report.errorCodes.map((e) => (
              <li key={e.code} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-2">
                <span className="min-w-0">
                  <span className="font-mono font-medium text-slate-900">{e.code}</span> <span className="text-slate-600">{e.description}</span>{" "}
                  <span className="text-slate-500">({e.count})</span>
                </span>
                <Link className="text-indigo-700 hover:underline" href={`/logs?errorCode=${e.code}${logsQuery ? `&${logsQuery}` : ""}`}>
                  View {e.code} in Message Logs
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {figure(
        "latency",
        `From creation to sent and to delivered, p50 and p95 from log-scale histograms (within 19%). Delivered p95: ${formatMs(report.latency[1]?.p95 ?? null)}.`,
        report.latency.every((l) => l.count === 0),
        <BarChart data={report.latency.map((l) => ({ label: l.label, p50: l.p50, p95: l.p95 }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={tick} />
          <YAxis tick={tick} width={56} tickFormatter={(v: number) => formatMs(v)} />
          <Tooltip formatter={(v) => (typeof v === "number" ? formatMs(v) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="p50" name="p50" fill="#6366f1" isAnimationActive={false} />
          <Bar dataKey="p95" name="p95" fill="#312e81" isAnimationActive={false} />
        </BarChart>,
      )}
      {figure(
        "throughput",
        "Messages per second in the busiest hour and on average, against the senders' combined MPS limit.",
        report.throughput.length === 0,
        <BarChart data={report.throughput}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={tick} />
          <YAxis tick={tick} width={52} tickFormatter={(v: number) => String(Number(v.toPrecision(2)))} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${Number(v.toPrecision(3))} MPS` : String(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="capacityMps" name="Capacity" fill="#cbd5e1" isAnimationActive={false} />
          <Bar dataKey="peakMps" name="Busiest hour" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="averageMps" name="Average" fill="#0ea5e9" isAnimationActive={false} />
        </BarChart>,
      )}
      {figure(
        "opt-outs",
        "Recipients who opted out or back in (keywords, console and API), per service.",
        report.optOuts.every((o) => o.optOuts === 0 && o.optIns === 0),
        <BarChart data={report.optOuts.map((o) => ({ ...o, label: label(o.bucket) }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={tick} minTickGap={16} />
          <YAxis tick={tick} allowDecimals={false} width={40} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="optOuts" name="Opt-outs" fill="#dc2626" isAnimationActive={false} />
          <Bar dataKey="optIns" name="Opt-ins" fill="#059669" isAnimationActive={false} />
        </BarChart>,
      )}
      {figure(
        "inbound",
        `Messages received: ${report.totals.inbound}.`,
        report.totals.inbound === 0,
        <BarChart data={report.inbound.map((i) => ({ ...i, label: label(i.bucket) }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={tick} minTickGap={16} />
          <YAxis tick={tick} allowDecimals={false} width={40} />
          <Tooltip />
          <Bar dataKey="received" name="Received" fill="#0284c7" isAnimationActive={false} />
        </BarChart>,
      )}
      {figure(
        "links",
        `Short links sent, clicks, and links clicked at least once. Click-through: ${percent(report.linkTotals.clickThrough)}.`,
        report.linkTotals.created === 0 && report.linkTotals.clicks === 0,
        <BarChart data={report.links.map((l) => ({ ...l, label: label(l.bucket) }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={tick} minTickGap={16} />
          <YAxis tick={tick} allowDecimals={false} width={40} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="created" name="Links sent" fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="firstClicks" name="Links clicked" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="clicks" name="Clicks" fill="#0ea5e9" isAnimationActive={false} />
        </BarChart>,
      )}
    </div>
  );
}
