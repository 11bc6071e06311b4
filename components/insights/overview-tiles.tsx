import Link from "next/link";
import { percent } from "@/lib/core/insights/chart-series";
import type { Overview } from "@/lib/server/services/insights/get-overview";

const today = () => new Date().toISOString().slice(0, 10);

/** Four tiles, each a link to where the number can be explored. */
export function OverviewTiles({ overview }: { overview: Overview }) {
  const day = today();
  const tiles = [
    {
      title: "Today's volume",
      value: overview.today.outbound.toLocaleString("en-US"),
      detail: `outbound, ${overview.today.inbound.toLocaleString("en-US")} received`,
      href: `/logs?dateFrom=${day}&dateTo=${day}`,
      link: "Today's messages",
    },
    {
      title: "Delivery rate",
      value: percent(overview.today.deliveryRate),
      detail: overview.today.deliveryRate === null ? "no outcome yet today" : `${overview.today.delivered.toLocaleString("en-US")} delivered, error rate ${percent(overview.today.errorRate)}`,
      href: "/insights?range=24h",
      link: "Insights, last 24 hours",
    },
    {
      title: "Queue depth",
      value: overview.queueDepth.toLocaleString("en-US"),
      detail: `waiting for a carrier${overview.scheduled ? `, ${overview.scheduled.toLocaleString("en-US")} scheduled` : ""}`,
      href: "/logs?status=accepted",
      link: "Accepted, not yet sent",
    },
    {
      title: "Alerts",
      value: overview.recentAlerts.toLocaleString("en-US"),
      detail: "in the last 24 hours",
      href: "/alerts",
      link: "Open Alerts",
    },
  ];
  return (
    <div className="space-y-4">
      <ul aria-label="Today" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((t, i) => (
          <li key={t.title} className="flex flex-col rounded-lg bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
            <h2 id={`overview-tile-${i}`} className="text-sm font-medium text-slate-500">
              {t.title}
            </h2>
            <p aria-labelledby={`overview-tile-${i}`} className="mt-1 text-3xl font-semibold text-slate-900">
              {t.value}
            </p>
            <p className="mt-1 flex-1 text-sm text-slate-500">{t.detail}</p>
            <Link href={t.href} className="mt-3 text-sm font-medium text-indigo-700 hover:underline">
              {t.link} →
            </Link>
          </li>
        ))}
      </ul>
      {overview.services === 0 ? (
        <p role="status" className="rounded-lg border-2 border-dashed border-slate-200 px-6 py-8 text-center text-sm text-slate-600">
          No Messaging Services yet.{" "}
          <Link href="/services" className="font-medium text-indigo-700 hover:underline">
            Create your first service
          </Link>{" "}
          to start sending.
        </p>
      ) : null}
    </div>
  );
}
