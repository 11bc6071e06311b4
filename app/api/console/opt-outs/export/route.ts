import { consoleHandler } from "@/lib/server/api/console-handler";
import { exportOptOutsCsv } from "@/lib/server/services/opt-out/export-opt-outs";

export const dynamic = "force-dynamic";

/** The service's opt-out list as CSV (session-checked; another account's service is a 404). */
export const GET = consoleHandler(async (req, viewer) => {
  const url = new URL(req.url);
  const serviceSid = url.searchParams.get("serviceSid") ?? "";
  const csv = await exportOptOutsCsv(viewer.accountSid, serviceSid, url.searchParams.get("q") ?? undefined);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="opt-outs-${serviceSid}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
