import { listSimDeliveries } from "@/lib/server/simulator/list-sim-deliveries";
import { boundedInt } from "@/lib/server/api/input-guards";
import { readQuery } from "@/lib/server/api/params";
import { apiHandler, json } from "@/lib/server/api/respond";
import { simAccount } from "../_auth";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** GET /sim/Deliveries?To=&From=&Limit=: what the carrier received, oldest first, received_at with ms. */
export const GET = apiHandler(async (req) => {
  const accountSid = await simAccount(req);
  const q = readQuery(req);
  const rows = await listSimDeliveries(accountSid, { to: one(q.To), from: one(q.From), limit: boundedInt(one(q.Limit), "Limit", 1, 1000, 1000) });
  return json({
    deliveries: rows.map((d) => ({
      message_sid: d.messageSid,
      from: d.from,
      to: d.to,
      body: d.body,
      media_urls: d.mediaUrls,
      submit_count: d.submitCount,
      received_at: d.receivedAt.toISOString(),
    })),
  });
});
