import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";
import type { WebhookResponse } from "@/lib/server/webhooks/post-webhook";

interface Attempt {
  id: bigint;
  res: WebhookResponse;
}

/**
 * Records callback attempts in one statement per batch. The time between a
 * receiver's answer and this commit is the window in which a crash makes the
 * callback post again (at-least-once; the repeat carries the same
 * I-Twilio-Idempotency-Token): one Prisma update per callback waited for a
 * pool connection behind the dispatch statements under load and widened it
 * (docs/reliability.md "Status callbacks"). delivered_at is the commit's
 * clock, so the window can be measured against the receiver's.
 */
async function recordAttempts(items: Attempt[]): Promise<void[]> {
  const rows = items.map(({ id, res }) => ({
    id: id.toString(),
    status: res.status,
    body: res.ok ? res.snippet : null,
    // Status and timing only for a failure (docs/security.md): the answer's body is not echoed back.
    error: res.ok ? null : res.status === null ? res.snippet : `HTTP ${res.status} after ${res.durationMs} ms`,
    ok: res.ok,
  }));
  await db.$executeRaw(Prisma.sql`
    UPDATE status_callbacks c SET
      attempts = c.attempts + 1,
      response_status = r.status,
      response_body = r.body,
      last_error = r.error,
      last_attempt_at = clock_timestamp(),
      delivered_at = CASE WHEN r.ok THEN clock_timestamp() ELSE NULL END
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id bigint, status int, body text, error text, ok bool)
     WHERE c.id = r.id`);
  return items.map(() => undefined);
}

export const recordCallbackAttempt = coalesce<Attempt, void>({ maxBatch: 200, maxInFlight: 2, run: recordAttempts, keyOf: (a) => a.id.toString() });
