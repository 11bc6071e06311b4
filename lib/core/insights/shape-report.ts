import { TWILIO_ERRORS, type TwilioErrorCode } from "@/lib/core/errors";
import type { SenderType } from "@/lib/core/senders/sender-type";
import { defaultMps, rates, SENDER_TYPES, senderTypeLabel, STATUS_SERIES, statusSeriesOf, type StatusCounts, type StatusSeries } from "./chart-series";
import { quantileMs, type BinCount } from "./latency-histogram";
import { bucketStarts, type TimeRange } from "./time-range";

/** What the rollup queries return (lib/server/services/insights), before shaping. */
export interface MessageCountRow {
  bucket: Date;
  direction: string;
  status: string;
  errorCode: number;
  senderType: string;
  count: number;
}
export interface LatencyRow extends BinCount {
  kind: string;
}
export interface PeakRow {
  senderType: string;
  /** Outbound messages of the busiest hour of the range. */
  peakHour: number;
  total: number;
}
export interface EventRow {
  bucket: Date;
  kind: string;
  count: number;
}
export interface CapacityRow {
  kind: SenderType;
  senders: number;
  /** The sum of the senders' own MPS limits, for those that set one. */
  ownMps: number;
  /** How many senders use their type's default. */
  defaults: number;
}

export type StatusPoint = { bucket: string } & Record<StatusSeries, number>;
export interface ErrorCodeRow {
  code: number;
  description: string;
  count: number;
  share: number;
}
export interface LatencySummary {
  kind: "sent" | "delivered";
  label: string;
  count: number;
  p50: number | null;
  p95: number | null;
}
export interface ThroughputRow {
  senderType: SenderType;
  label: string;
  senders: number;
  capacityMps: number;
  peakMps: number;
  averageMps: number;
}

export interface InsightsReport {
  range: { start: string; end: string; bucket: TimeRange["bucket"] };
  totals: StatusCounts & { inbound: number; deliveryRate: number | null; errorRate: number | null };
  status: StatusPoint[];
  rates: { bucket: string; deliveryRate: number | null; errorRate: number | null }[];
  errorCodes: ErrorCodeRow[];
  latency: LatencySummary[];
  throughput: ThroughputRow[];
  optOuts: { bucket: string; optOuts: number; optIns: number }[];
  inbound: { bucket: string; received: number }[];
  links: { bucket: string; created: number; clicks: number; firstClicks: number }[];
  linkTotals: { created: number; clicks: number; firstClicks: number; clickThrough: number | null };
}

export const TOP_ERROR_CODES = 10;

const emptyCounts = (): StatusCounts => ({ delivered: 0, read: 0, sent: 0, undelivered: 0, failed: 0, outbound: 0, withError: 0 });
function addCounts(c: StatusCounts, r: MessageCountRow) {
  if (r.direction === "inbound") return;
  c.outbound += r.count;
  if (r.errorCode) c.withError += r.count;
  if (r.status === "delivered" || r.status === "read" || r.status === "sent" || r.status === "undelivered" || r.status === "failed") c[r.status] += r.count;
}

/** Shapes the raw rollup rows into every chart of the Insights page, with empty buckets filled. */
export function shapeReport(range: TimeRange, input: { counts: MessageCountRow[]; latency: LatencyRow[]; peaks: PeakRow[]; events: EventRow[]; capacity: CapacityRow[] }): InsightsReport {
  const keys = bucketStarts(range).map((d) => d.toISOString());
  const index = new Map(keys.map((k, i) => [k, i]));
  const at = (d: Date) => index.get(d.toISOString());

  const status: StatusPoint[] = keys.map((bucket) => ({ bucket, ...(Object.fromEntries(STATUS_SERIES.map((s) => [s.key, 0])) as Record<StatusSeries, number>) }));
  const perBucket = keys.map(emptyCounts);
  const inbound = keys.map((bucket) => ({ bucket, received: 0 }));
  const totals = emptyCounts();
  let inboundTotal = 0;
  const byCode = new Map<number, number>();
  for (const r of input.counts) {
    const i = at(r.bucket);
    if (i === undefined) continue;
    status[i]![statusSeriesOf(r.status)] += r.count;
    addCounts(perBucket[i]!, r);
    addCounts(totals, r);
    if (r.direction === "inbound") {
      inbound[i]!.received += r.count;
      inboundTotal += r.count;
    }
    if (r.errorCode && r.direction !== "inbound") byCode.set(r.errorCode, (byCode.get(r.errorCode) ?? 0) + r.count);
  }

  const errorCodes = [...byCode]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, TOP_ERROR_CODES)
    .map(([code, count]) => ({ code, description: code in TWILIO_ERRORS ? TWILIO_ERRORS[code as TwilioErrorCode].message : "Unknown error code", count, share: totals.outbound ? count / totals.outbound : 0 }));

  const latency: LatencySummary[] = (["sent", "delivered"] as const).map((kind) => {
    const bins = input.latency.filter((l) => l.kind === kind);
    return {
      kind,
      label: kind === "sent" ? "Created to sent" : "Created to delivered",
      count: bins.reduce((n, b) => n + b.count, 0),
      p50: quantileMs(bins, 0.5),
      p95: quantileMs(bins, 0.95),
    };
  });

  const seconds = (range.end.getTime() - range.start.getTime()) / 1000;
  const throughput: ThroughputRow[] = SENDER_TYPES.map(({ key }) => {
    const cap = input.capacity.find((c) => c.kind === key);
    const peak = input.peaks.find((p) => p.senderType === key);
    return {
      senderType: key,
      label: senderTypeLabel(key),
      senders: cap?.senders ?? 0,
      capacityMps: cap ? cap.ownMps + cap.defaults * defaultMps(key) : 0,
      peakMps: peak ? peak.peakHour / 3600 : 0,
      averageMps: peak ? peak.total / seconds : 0,
    };
  }).filter((t) => t.senders > 0 || t.peakMps > 0);

  const optOuts = keys.map((bucket) => ({ bucket, optOuts: 0, optIns: 0 }));
  const links = keys.map((bucket) => ({ bucket, created: 0, clicks: 0, firstClicks: 0 }));
  for (const e of input.events) {
    const i = at(e.bucket);
    if (i === undefined) continue;
    if (e.kind === "opt_out") optOuts[i]!.optOuts += e.count;
    else if (e.kind === "opt_in") optOuts[i]!.optIns += e.count;
    else if (e.kind === "link_created") links[i]!.created += e.count;
    else if (e.kind === "link_click") links[i]!.clicks += e.count;
    else if (e.kind === "link_first_click") links[i]!.firstClicks += e.count;
  }
  const sum = (k: "created" | "clicks" | "firstClicks") => links.reduce((n, l) => n + l[k], 0);
  const linkTotals = { created: sum("created"), clicks: sum("clicks"), firstClicks: sum("firstClicks") };

  return {
    range: { start: range.start.toISOString(), end: range.end.toISOString(), bucket: range.bucket },
    totals: { ...totals, inbound: inboundTotal, ...rates(totals) },
    status,
    rates: keys.map((bucket, i) => ({ bucket, ...rates(perBucket[i]!) })),
    errorCodes,
    latency,
    throughput,
    optOuts,
    inbound,
    links,
    linkTotals: { ...linkTotals, clickThrough: linkTotals.created ? linkTotals.firstClicks / linkTotals.created : null },
  };
}
