import { consoleHandler } from "@/lib/server/api/console-handler";
import { countMessageLogs, exportMessageLogs } from "@/lib/server/services/message-logs/export-message-logs";
import { parseLogFilter } from "@/lib/server/services/message-logs/log-filter-schema";

export const dynamic = "force-dynamic";

/** Streams the CSV; X-Total-Count lets the page show progress while it downloads. */
export const GET = consoleHandler(async (req, viewer) => {
  const parsed = parseLogFilter(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return Response.json({ code: 20001, message: parsed.error.issues[0]?.message ?? "Invalid filter" }, { status: 400 });
  const total = await countMessageLogs(viewer.accountSid, parsed.data);
  return new Response(exportMessageLogs(viewer.accountSid, parsed.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="messages-${new Date().toISOString().slice(0, 10)}.csv"`,
      "x-total-count": String(total),
      "cache-control": "no-store",
    },
  });
});
