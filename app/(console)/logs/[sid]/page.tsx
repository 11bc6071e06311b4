import { notFound } from "next/navigation";
import { requireViewerPage } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { getMessageDetail } from "@/lib/server/services/message-logs/get-message-detail";
import { messageLinkClicks } from "@/lib/server/services/links/link-stats";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { StatusBadge } from "@/components/logs/status-badge";
import { AutoRefresh } from "@/components/logs/auto-refresh";
import { RoutingTrace } from "@/components/logs/routing-trace";
import { MessageLinkClicks } from "@/components/links/message-link-clicks";

const FINAL = new Set(["delivered", "undelivered", "failed", "canceled", "received", "read"]);
const fmt = (d: Date | null) => (d ? d.toISOString().replace("T", " ").replace("Z", " UTC") : "—");

export default async function MessageDetailPage({ params }: { params: Promise<{ sid: string }> }) {
  const viewer = await requireViewerPage();
  const { sid } = await params;
  let m;
  try {
    m = await getMessageDetail(viewer.accountSid, sid);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
  const linkClicks = await messageLinkClicks(viewer.accountSid, m.sid);
  const facts: [string, React.ReactNode][] = [
    ["Message SID", <span className="font-mono text-xs">{m.sid}</span>],
    ["Status", <StatusBadge status={m.status} />],
    ["Direction", m.direction === "inbound" ? "Incoming" : "Outgoing"],
    ["Messaging Service", m.service ? `${m.service.friendlyName} (${m.service.sid})` : "—"],
    ["From", m.from ?? "not chosen yet"],
    ["To", m.to],
    ["Error", m.errorCode ? `${m.errorCode} ${m.errorMessage ?? ""}` : "—"],
    ["Encoding", m.encoding ?? "—"],
    ["Segments", String(m.numSegments)],
    ["Smart encoded", m.smartEncoded ? "yes" : "no"],
    ["Created", fmt(m.createdAt)],
    ["Sent", fmt(m.dateSent)],
    [
      "Feedback",
      m.feedback ? (
        <span>
          <span className={m.feedback.outcome === "confirmed" ? "font-medium text-green-700" : "font-medium text-amber-700"}>{m.feedback.outcome === "confirmed" ? "Confirmed" : "Unconfirmed"}</span>{" "}
          <span className="text-slate-500">{fmt(m.feedback.updatedAt)}</span>
        </span>
      ) : (
        "None reported"
      ),
    ],
  ];
  return (
    <>
      <AutoRefresh active={!FINAL.has(m.status)} />
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <a href="/logs" className="hover:underline">
          Message Logs
        </a>{" "}
        / <span className="font-mono text-xs text-slate-700">{m.sid}</span>
      </nav>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">Message detail</h1>
      <div className="space-y-6">
        <Card title="Message">
          <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt className="text-slate-500">{k}</dt>
                <dd className="mt-0.5 break-words">{v}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4">
            <p className="text-sm text-slate-500">Body</p>
            <p className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-3 font-mono text-sm [overflow-wrap:anywhere]" aria-label="Message body">
              {m.body || "(empty)"}
            </p>
            {m.mediaUrls.length ? (
              <ul className="mt-2 list-inside list-disc break-all text-sm" aria-label="Media">
                {m.mediaUrls.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </Card>
        <Card title="Status timeline">
          {m.events.length === 0 ? (
            <EmptyState title="No status changes recorded yet" />
          ) : (
            <ol aria-label="Status timeline" className="relative space-y-3 border-l border-slate-200 pl-5">
              {m.events.map((e) => (
                <li key={String(e.id)} className="text-sm">
                  <span aria-hidden className="absolute -left-1.5 mt-1.5 size-3 rounded-full bg-indigo-600" />
                  <StatusBadge status={e.status} /> <span className="text-slate-500">{fmt(e.createdAt)}</span>
                  {e.errorCode ? <span className="ml-2 text-red-700">error {e.errorCode}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title="Routing trace" description="The rules that chose the sender, in the order they fired.">
          <RoutingTrace value={m.routingTrace} labels={m.senderLabels} final={FINAL.has(m.status)} />
        </Card>
        <Card title="Status callbacks">
          {m.callbacks.length === 0 ? (
            <EmptyState title="No status callbacks sent" />
          ) : (
            <Table label="Status callbacks" head={["Status", "URL", "Attempts", "Response", "Delivered"]}>
              {m.callbacks.map((c) => (
                <tr key={String(c.id)}>
                  <Td>
                    <StatusBadge status={c.status} />
                  </Td>
                  <Td mono>{c.url}</Td>
                  <Td>{c.attempts}</Td>
                  <Td>
                    {c.responseStatus ?? c.lastError ?? "—"}
                    {c.responseBody ? <span className="ml-2 font-mono text-xs text-slate-500">{c.responseBody.slice(0, 80)}</span> : null}
                  </Td>
                  <Td>{fmt(c.deliveredAt)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <MessageLinkClicks links={linkClicks} />
      </div>
    </>
  );
}
