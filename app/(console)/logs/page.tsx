import { requireViewerPage } from "@/lib/server/auth/session";
import { parseLogFilter, type LogFilter } from "@/lib/server/services/message-logs/log-filter-schema";
import { logPageJson } from "@/lib/server/services/message-logs/log-page-json";
import { searchMessageLogs } from "@/lib/server/services/message-logs/search-message-logs";
import { listServiceNames } from "@/lib/server/services/messaging-services/service-names";
import { PageHeader } from "@/components/ui/card";
import { MessageLogs } from "@/components/logs/message-logs";

export default async function LogsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage();
  const raw = await searchParams;
  const parsed = parseLogFilter(raw);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) fieldErrors[String(i.path[0] ?? "_")] ??= i.message;
  const filter: LogFilter = parsed.success ? parsed.data : {};
  // The first page is rendered on the server, so rows are on screen with the HTML; live refresh takes over in the browser.
  const [services, firstPage] = await Promise.all([
    listServiceNames(viewer.accountSid),
    parsed.success ? searchMessageLogs(viewer.accountSid, { ...filter, cursor: undefined }).then(logPageJson) : Promise.resolve(null),
  ]);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") values[k] = v;
  return (
    <>
      <PageHeader title="Message Logs" description="Every message sent and received, newest first. The list refreshes by itself." />
      <MessageLogs services={services} values={values} filter={parsed.success ? filter : null} fieldErrors={fieldErrors} firstPage={firstPage} />
    </>
  );
}
