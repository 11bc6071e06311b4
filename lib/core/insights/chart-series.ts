import { DEFAULT_MPS } from "@/lib/core/senders/mps";
import type { SenderType } from "@/lib/core/senders/sender-type";

/**
 * Names and groupings the Insights charts share between the queries, the
 * charts and the CSV exports (docs/insights.md).
 */

/** Messages-by-status series: final statuses alone, everything still on its way as one. */
export const STATUS_SERIES = [
  { key: "delivered", label: "Delivered", color: "#059669" },
  { key: "read", label: "Read", color: "#0d9488" },
  { key: "sent", label: "Sent", color: "#4f46e5" },
  { key: "in_progress", label: "In progress", color: "#94a3b8" },
  { key: "undelivered", label: "Undelivered", color: "#d97706" },
  { key: "failed", label: "Failed", color: "#dc2626" },
  { key: "canceled", label: "Canceled", color: "#64748b" },
  { key: "received", label: "Received", color: "#0284c7" },
] as const;
export type StatusSeries = (typeof STATUS_SERIES)[number]["key"];

const IN_PROGRESS = new Set(["accepted", "scheduled", "queued", "sending"]);

export function statusSeriesOf(status: string): StatusSeries {
  if (IN_PROGRESS.has(status)) return "in_progress";
  return (STATUS_SERIES.some((s) => s.key === status) ? status : "in_progress") as StatusSeries;
}

export const SENDER_TYPES = [
  { key: "long_code", label: "Long code" },
  { key: "toll_free", label: "Toll-free" },
  { key: "short_code", label: "Short code" },
  { key: "alpha", label: "Alphanumeric" },
  { key: "whatsapp", label: "WhatsApp" },
  { key: "rcs", label: "RCS" },
] as const satisfies readonly { key: SenderType; label: string }[];

export const senderTypeLabel = (k: string) => SENDER_TYPES.find((s) => s.key === k)?.label ?? k;
export const defaultMps = (k: SenderType) => DEFAULT_MPS[k];

export interface StatusCounts {
  delivered: number;
  read: number;
  sent: number;
  undelivered: number;
  failed: number;
  /** Outbound messages of any status. */
  outbound: number;
  /** Outbound messages carrying an error code. */
  withError: number;
}

/**
 * Delivery rate: delivered (or read) over the outbound messages with a
 * carrier outcome (delivered, read, undelivered, failed); messages still on
 * their way do not count against it. Error rate: messages with an error code
 * over all outbound messages. Null when there is nothing to divide by.
 */
export function rates(c: StatusCounts): { deliveryRate: number | null; errorRate: number | null } {
  const ok = c.delivered + c.read;
  const decided = ok + c.undelivered + c.failed;
  return { deliveryRate: decided ? ok / decided : null, errorRate: c.outbound ? c.withError / c.outbound : null };
}

export const percent = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(r >= 0.999 || r === 0 ? 0 : 1)}%`);

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
