"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/card";
import { RoutingTrace } from "@/components/logs/routing-trace";
import { StatusBadge } from "@/components/logs/status-badge";
import { explainErrorCode } from "@/lib/core/console/send-failure";

const FINAL = new Set(["delivered", "undelivered", "failed", "canceled", "read"]);

export interface WatchedMessage {
  sid: string;
  status: string;
  from: string | null;
  to: string;
  encoding: string | null;
  numSegments: number;
  errorCode: number | null;
  errorMessage: string | null;
  routingTrace: unknown;
  /** Sender SID -> number or name, for the routing trace. */
  senderLabels: Record<string, string>;
  events: { status: string; at: string; errorCode: number | null }[];
}

export async function fetchMessage(sid: string): Promise<WatchedMessage> {
  const res = await fetch(`/api/console/messages/${sid}`, { cache: "no-store" });
  if (!res.ok) throw new Error("Could not load the message");
  return (await res.json()) as WatchedMessage;
}

/** Polls the message until it reaches a final status. */
export function MessageWatch({ sid }: { sid: string }) {
  const q = useQuery({
    queryKey: ["watch", sid],
    queryFn: () => fetchMessage(sid),
    refetchInterval: (query) => (query.state.data && FINAL.has(query.state.data.status) ? false : 1_000),
  });
  if (q.isPending) return <p role="status" className="text-sm text-slate-500">Waiting for the message…</p>;
  if (q.isError) return <Alert tone="error">{q.error.message}</Alert>;
  const m = q.data;
  return (
    <div className="space-y-4 text-sm">
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-slate-500">Status</dt>
          <dd aria-label="Current status">
            <StatusBadge status={m.status} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Chosen sender</dt>
          <dd aria-label="Chosen sender" className="font-mono">
            {m.from ?? "not chosen yet"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Encoding</dt>
          <dd>{m.encoding ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Segments</dt>
          <dd>{m.numSegments}</dd>
        </div>
      </dl>
      {m.errorCode ? (
        <Alert tone="error">
          Error {m.errorCode}: {m.errorMessage}
          {explainErrorCode(m.errorCode) ? <span className="mt-1 block">{explainErrorCode(m.errorCode)}</span> : null}
        </Alert>
      ) : null}
      <div>
        <h3 className="mb-1 font-medium text-slate-700">Routing trace</h3>
        <RoutingTrace value={m.routingTrace} labels={m.senderLabels} final={FINAL.has(m.status)} />
      </div>
      <div>
        <h3 className="mb-1 font-medium text-slate-700">Statuses</h3>
        <ol aria-label="Statuses" className="space-y-1">
          {m.events.map((e, i) => (
            <li key={i}>
              <StatusBadge status={e.status} /> <span className="text-slate-500">{e.at.replace("T", " ").slice(0, 23)}</span>
              {e.errorCode ? <span className="ml-2 text-red-700">error {e.errorCode}</span> : null}
            </li>
          ))}
        </ol>
      </div>
      <Link href={`/logs/${m.sid}`} className="text-indigo-700 hover:underline">
        Open in Message Logs
      </Link>
    </div>
  );
}
