import { authenticate } from "@/lib/server/api/credentials";
import { publicBaseUrl } from "@/lib/server/api/pagination";
import { readQuery } from "@/lib/server/api/params";
import { apiHandler } from "@/lib/server/api/respond";
import { parseDeactivationDate } from "@/lib/server/services/deactivations/deactivated-numbers";

/**
 * Deactivations fetch: as on Twilio, a 307 whose body and Location name the
 * day's list file (served by ./[file]). Without Date, yesterday's (UTC) list:
 * the latest complete day.
 */
export const GET = apiHandler(async (req: Request) => {
  await authenticate(req);
  const q = readQuery(req);
  const raw = Array.isArray(q.Date) ? q.Date[0] : q.Date;
  const date = raw ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  parseDeactivationDate(date);
  const redirectTo = `${publicBaseUrl()}/v1/Deactivations/${date}.txt`;
  return new Response(JSON.stringify({ redirect_to: redirectTo }), {
    status: 307,
    headers: { "content-type": "application/json; charset=utf-8", location: redirectTo },
  });
});
