import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { alertDrafts } from "@/lib/core/alerts/alert-kinds";
import type { Message } from "@/lib/server/message-state/message-columns";
import type { RouteResult } from "./route-message";

type Routed = Extract<RouteResult, { ok: true }>;

/**
 * After a message is queued to its sender: records `num_segments` and
 * `encoding` as sent (MMS Converter links, an MMS counted as one message)
 * and raises an alert per routing warning; the Sender ID pre-registration
 * ones only when the service's switch is on (read in the same statement).
 * One statement, and none at all for the usual message (no warning, counts
 * unchanged since create). Alerts never block the send.
 */
export async function recordRoutingOutcome(m: Pick<Message, "sid" | "accountSid" | "serviceSid" | "numSegments" | "encoding">, routed: Routed): Promise<void> {
  const drafts = alertDrafts(routed.routingWarnings, routed.sender.address);
  const countsChanged = m.numSegments !== routed.sent.segments || m.encoding !== routed.sent.encoding;
  if (drafts.length === 0 && !countsChanged) return;
  await db.$executeRaw(Prisma.sql`
    WITH u AS (
      UPDATE messages SET num_segments = ${routed.sent.segments}, encoding = ${routed.sent.encoding}
       WHERE sid = ${m.sid} AND ${countsChanged}
    ), d AS (
      SELECT * FROM unnest(${drafts.map((a) => a.code)}::int[], ${drafts.map((a) => a.level)}::text[],
                           ${drafts.map((a) => a.text)}::text[], ${drafts.map((a) => a.preRegistration)}::bool[])
               AS d(code, level, text, prereg)
    )
    INSERT INTO alerts (account_sid, service_sid, message_sid, code, level, text)
    SELECT ${m.accountSid}, ${m.serviceSid}, ${m.sid}, d.code, d.level, d.text
      FROM d
     WHERE NOT d.prereg
        OR COALESCE((SELECT sender_id_prereg_alert FROM services WHERE sid = ${m.serviceSid}), true)`);
}
