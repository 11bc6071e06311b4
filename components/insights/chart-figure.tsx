"use client";

import { useId, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import type { ChartTable } from "@/lib/core/insights/chart-tables";

/**
 * One Insights chart as an accessible figure: a heading, the chart (or its
 * data as a table, for screen readers and exact numbers), and the CSV of the
 * same table. Charts with nothing in range say so instead of drawing axes.
 */
export function ChartFigure({
  title,
  description,
  table,
  csvHref,
  empty,
  children,
}: {
  title: string;
  description: ReactNode;
  table: ChartTable;
  csvHref: string;
  empty: boolean;
  children: ReactNode;
}) {
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure aria-labelledby={`${id}-title`} className="min-w-0 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <p className="mt-1 text-sm text-slate-500">{description}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" aria-pressed={asTable} aria-controls={`${id}-body`} onClick={() => setAsTable((v) => !v)} className={buttonClass("secondary", "px-2 py-1 text-xs")}>
            {asTable ? "View as chart" : "View as table"}
          </button>
          <a href={csvHref} download className={buttonClass("secondary", "px-2 py-1 text-xs")} aria-label={`Download CSV: ${title}`}>
            CSV
          </a>
        </div>
      </header>
      <div id={`${id}-body`} className="px-5 py-4">
        {asTable ? (
          <Table label={title} head={table.columns}>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className="whitespace-nowrap px-3 py-2 text-slate-700">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
        ) : empty ? (
          <p role="status" className="py-10 text-center text-sm text-slate-500">
            Nothing in this range.
          </p>
        ) : (
          <div className="h-64 w-full">{children}</div>
        )}
      </div>
    </figure>
  );
}
