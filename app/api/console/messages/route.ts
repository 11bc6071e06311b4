import { consoleHandler } from "@/lib/server/api/console-handler";
import { parseLogFilter } from "@/lib/server/services/message-logs/log-filter-schema";
import { logPageJson } from "@/lib/server/services/message-logs/log-page-json";
import { searchMessageLogs } from "@/lib/server/services/message-logs/search-message-logs";

export const dynamic = "force-dynamic";

/** Message Logs data for live refresh (TanStack Query polls it). */
export const GET = consoleHandler(async (req, viewer) => {
  const parsed = parseLogFilter(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return Response.json({ code: 20001, message: parsed.error.issues[0]?.message ?? "Invalid filter" }, { status: 400 });
  return Response.json(logPageJson(await searchMessageLogs(viewer.accountSid, parsed.data)));
});
