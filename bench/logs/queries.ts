import type { LogFilter } from "@/lib/server/services/message-logs/log-filter-schema";
import { recipientAt, senderAt, SERVICES } from "./seed";

/** A filter the Message Logs page offers, with a fresh value per run (different service, number, day…). */
export interface QueryCase {
  name: string;
  filter: (run: number) => LogFilter;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (seededAt: Date, n: number) => day(new Date(seededAt.getTime() - n * 86_400_000));

/** Every filter of the page on its own, the common pairs, and the empty filter; each in both sorts. */
export function queryCases(seededAt: Date): QueryCase[] {
  const statuses = ["delivered", "sent", "failed", "undelivered", "queued", "accepted", "canceled", "sending", "received"] as const;
  const errors = [30003, 30005, 30006, 21610, 30007, 30008];
  const base: QueryCase[] = [
    { name: "no filter", filter: () => ({}) },
    { name: "service", filter: (r) => ({ service: SERVICES[r % SERVICES.length] }) },
    { name: "direction inbound", filter: () => ({ direction: "inbound" }) },
    { name: "direction outbound", filter: () => ({ direction: "outbound" }) },
    { name: "status", filter: (r) => ({ status: statuses[r % statuses.length] }) },
    { name: "error code", filter: (r) => ({ errorCode: errors[r % errors.length] }) },
    { name: "to", filter: (r) => ({ to: recipientAt(r * 7919 * 13) }) },
    { name: "from", filter: (r) => ({ from: senderAt(r * 37) }) },
    { name: "one day", filter: (r) => ({ dateFrom: daysAgo(seededAt, 1 + (r % 80)), dateTo: daysAgo(seededAt, 1 + (r % 80)) }) },
    { name: "one week", filter: (r) => ({ dateFrom: daysAgo(seededAt, 8 + (r % 70)), dateTo: daysAgo(seededAt, 1 + (r % 70)) }) },
    { name: "service + status", filter: (r) => ({ service: SERVICES[r % SERVICES.length], status: statuses[(r * 3) % 8] }) },
    { name: "service + direction", filter: (r) => ({ service: SERVICES[r % SERVICES.length], direction: r % 2 ? "inbound" : "outbound" }) },
    { name: "status + one day", filter: (r) => ({ status: statuses[r % 8], dateFrom: daysAgo(seededAt, 2 + (r % 80)), dateTo: daysAgo(seededAt, 2 + (r % 80)) }) },
    { name: "error code + one week", filter: (r) => ({ errorCode: errors[r % errors.length], dateFrom: daysAgo(seededAt, 9 + (r % 70)), dateTo: daysAgo(seededAt, 2 + (r % 70)) }) },
    { name: "from + direction", filter: (r) => ({ from: senderAt(r * 41), direction: "outbound" }) },
    { name: "service + error code", filter: (r) => ({ service: SERVICES[r % SERVICES.length], errorCode: errors[r % errors.length] }) },
  ];
  return base.flatMap((c) => [
    { name: `${c.name}, newest`, filter: (r: number) => ({ ...c.filter(r), sort: "newest" as const }) },
    { name: `${c.name}, oldest`, filter: (r: number) => ({ ...c.filter(r), sort: "oldest" as const }) },
  ]);
}
