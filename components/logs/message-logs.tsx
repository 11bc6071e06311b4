"use client";

import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { LogFilter } from "@/lib/server/services/message-logs/log-filter-schema";
import type { LogPageJson } from "@/lib/server/services/message-logs/log-page-json";
import { CsvExport } from "./csv-export";
import { LogFilters } from "./log-filters";
import { StatusBadge } from "./status-badge";

function query(filter: LogFilter, cursor?: string): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== "cursor") sp.set(k, String(v));
  if (cursor) sp.set("cursor", cursor);
  return sp.toString();
}

export function MessageLogs({
  services,
  values,
  filter,
  fieldErrors,
  firstPage,
}: {
  services: { sid: string; friendlyName: string }[];
  values: Record<string, string>;
  filter: LogFilter | null;
  fieldErrors: Record<string, string>;
  /** Rendered on the server with the page, so the first rows need no round trip. */
  firstPage: LogPageJson | null;
}) {
  const [renderedAt] = useState(() => Date.now());
  const [live, setLive] = useState(true);
  const key = useMemo(() => (filter ? query(filter) : "invalid"), [filter]);
  const logs = useInfiniteQuery({
    queryKey: ["message-logs", key],
    enabled: filter !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const res = await fetch(`/api/console/messages?${query(filter ?? {}, pageParam)}`, { cache: "no-store" });
      if (!res.ok) throw new Error(((await res.json()) as { message?: string }).message ?? "Could not load messages");
      return (await res.json()) as LogPageJson;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: firstPage ? { pages: [firstPage], pageParams: [undefined] } : undefined,
    initialDataUpdatedAt: renderedAt,
    staleTime: 2_000,
    refetchInterval: live ? 3_000 : false,
  });
  const rows = logs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-6">
      <Card title="Filters">
        <LogFilters services={services} values={values} errors={fieldErrors} />
      </Card>
      <Card
        title="Messages"
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} className="size-4 accent-indigo-600" />
              Live refresh
            </label>
            {filter ? <CsvExport query={query(filter)} /> : null}
          </div>
        }
      >
        {filter === null ? (
          <Alert tone="error">Fix the filters above to see messages.</Alert>
        ) : logs.isPending ? (
          <p role="status" className="py-6 text-sm text-slate-500">
            Loading messages…
          </p>
        ) : logs.isError ? (
          <Alert tone="error">{logs.error.message}</Alert>
        ) : rows.length === 0 ? (
          <EmptyState title="No messages match these filters" />
        ) : (
          <>
            <Table label="Messages" head={["Date", "Direction", "From", "To", "Body", "Status", "Error", "Segments"]}>
              {rows.map((m) => (
                <tr key={m.sid}>
                  <Td>
                    <Link href={`/logs/${m.sid}`} className="text-indigo-700 hover:underline" aria-label={`Message ${m.sid}`}>
                      {m.created_at.replace("T", " ").slice(0, 19)}
                    </Link>
                  </Td>
                  <Td>{m.direction === "inbound" ? "Incoming" : "Outgoing"}</Td>
                  <Td mono>{m.from ?? "—"}</Td>
                  <Td mono>{m.to}</Td>
                  {/* One line, cut by CSS only: the cell still holds the whole body (screen readers, the title on
                      hover), and the message's page shows it in full. */}
                  <td className="max-w-56 truncate px-3 py-2 text-slate-700" title={m.body}>
                    {m.body}
                  </td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td>{m.error_code ?? ""}</Td>
                  <Td>{m.num_segments}</Td>
                </tr>
              ))}
            </Table>
            {logs.hasNextPage ? (
              <div className="mt-4">
                <Button variant="secondary" pending={logs.isFetchingNextPage} onClick={() => logs.fetchNextPage()}>
                  Load more
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
