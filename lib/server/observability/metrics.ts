import client from "prom-client";

/**
 * The process's Prometheus registry. Every process serves its own /metrics
 * (Prometheus convention: one scrape target per process); counters here
 * count what this process did, the database gauges (db-gauges.ts) are
 * computed at scrape time. docs/operations.md "Health and metrics".
 */
const globalForMetrics = globalThis as unknown as { switchyardMetrics?: Metrics };

function build() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "switchyard_process_" });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new client.Counter<L>({ name, help, labelNames, registers: [registry] });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
    new client.Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
  return {
    registry,
    created: counter("switchyard_messages_created_total", "Messages accepted by the create API (this process).", ["service"]),
    transitions: counter(
      "switchyard_messages_status_total",
      "Messages that reached a status (sent, delivered, failed, undelivered, ...), committed by this process.",
      ["status", "service", "error_code"],
    ),
    createSeconds: histogram("switchyard_create_duration_seconds", "Time to create a message (authenticated request to stored row and job).", ["outcome"], [
      0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
    ]),
    dispatchSeconds: histogram(
      "switchyard_dispatch_latency_seconds",
      "From a message's creation to its hand-off to the carrier (status sent), including rate-limit waits.",
      ["sender_type"],
      [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    ),
    webhooks: counter("switchyard_webhooks_total", "Outbound webhook attempts by purpose (status_callback, inbound, ...) and outcome (2xx, 4xx, 5xx, network).", [
      "purpose",
      "outcome",
    ]),
    linkRedirects: counter("switchyard_link_redirects_total", "Short-link requests answered by the link server, by HTTP status.", ["status"]),
    purged: new client.Counter({ name: "switchyard_retention_purged_messages_total", help: "Messages deleted by the retention purge (this process).", registers: [registry] }),
    httpRequests: counter("switchyard_http_requests_total", "Requests answered by the front server, by route class and status class.", ["route", "status"]),
  };
}

export type Metrics = ReturnType<typeof build>;

/** One set per process (kept across Next's dev module reloads, which would otherwise register twice). */
export const metrics: Metrics = (globalForMetrics.switchyardMetrics ??= build());

/** "2xx" … "5xx", or "network" when there was no HTTP answer. */
export function statusClass(status: number | null): string {
  return status === null ? "network" : `${Math.floor(status / 100)}xx`;
}
